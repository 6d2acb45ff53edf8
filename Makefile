# Shoji: the two commands every user starts with are `make demo` and `make test`.
SWIFT ?= swift
SHOJI := .build/release/shoji

.PHONY: setup build release demo test bench doctor clean

## Install Debian packages, models and sample media (idempotent).
setup:
	scripts/setup

## Debug build of everything.
build: setup
	$(SWIFT) build

## Release build of the command line.
release: setup
	$(SWIFT) build -c release --product shoji

## Set-up, release build, then the main job on the sample media (results in ./out).
demo: release
	SHOJI=$(SHOJI) scripts/demo

## Set-up, then every test (real OpenCV, real models, real media).
test: setup
	$(SWIFT) test

## Benchmarks (not tests): medians and ratios against a ceiling measured in the same run.
bench: release
	$(SHOJI) bench anonymize --video media/vtest.avi --runs 3 --json bench/results/anonymize.json
	$(SHOJI) bench pipeline --video media/vtest.avi --fps 7 --runs 3 --json bench/results/pipeline.json
	$(SHOJI) bench pipeline --video media/vtest.avi --fps 7 --runs 3 --detect-every 2 --json bench/results/pipeline-every-2.json
	$(SHOJI) bench vault --sizes 100000,1000000 --probes 200 --json bench/results/vault.json
	$(SHOJI) bench faces --photos media/johns --runs 3 --json bench/results/faces.json
	$(SHOJI) bench console --days 365 --cameras 10 --runs 3 --json bench/results/console.json
	url=$$(scripts/scratch-postgres start bench) && { $(SHOJI) bench hub --postgres "$$url" --nodes 1,4,16 --runs 3 --json bench/results/hub.json; status=$$?; scripts/scratch-postgres stop bench; exit $$status; }

## What is installed, missing or corrupt.
doctor:
	$(SWIFT) build -c release --product shoji
	$(SHOJI) doctor

clean:
	rm -rf .build out bench/results
