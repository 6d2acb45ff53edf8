#include "Bridge.hpp"

#include <opencv2/core/utils/logger.hpp>
#include <algorithm>
#include <cstdlib>
#include <fcntl.h>
#include <mutex>
#include <numeric>
#include <unistd.h>

namespace {
thread_local std::string last_error;
}

namespace cvb {

void set_error(const std::string &message) { last_error = message; }
void clear_error() { last_error.clear(); }

cv::Rect clip(int x, int y, int width, int height, const cv::Size &size) {
    return cv::Rect(x, y, width, height) & cv::Rect(0, 0, size.width, size.height);
}

static float iou(const CVBDetection &a, const CVBDetection &b) {
    float x1 = std::max(a.x, b.x), y1 = std::max(a.y, b.y);
    float x2 = std::min(a.x + a.width, b.x + b.width), y2 = std::min(a.y + a.height, b.y + b.height);
    float inter = std::max(0.f, x2 - x1) * std::max(0.f, y2 - y1);
    float uni = a.width * a.height + b.width * b.height - inter;
    return uni > 0 ? inter / uni : 0;
}

std::vector<size_t> kept_after_suppression(const std::vector<CVBDetection> &boxes, float iou_threshold) {
    std::vector<size_t> order(boxes.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return boxes[a].score != boxes[b].score ? boxes[a].score > boxes[b].score : a < b;
    });
    std::vector<size_t> kept;
    for (size_t i : order) {
        bool overlaps = false;
        for (size_t k : kept) {
            if (iou(boxes[i], boxes[k]) >= iou_threshold) { overlaps = true; break; }
        }
        if (!overlaps) kept.push_back(i);
    }
    return kept;
}

void suppress(std::vector<CVBDetection> &boxes, float iou_threshold) {
    std::vector<CVBDetection> kept;
    for (size_t i : kept_after_suppression(boxes, iou_threshold)) kept.push_back(boxes[i]);
    boxes.swap(kept);
}

CVBStatus emit(const std::vector<CVBDetection> &boxes, CVBDetection *results, int32_t capacity, int32_t *count) {
    int32_t n = std::min<int32_t>(capacity, static_cast<int32_t>(boxes.size()));
    std::copy(boxes.begin(), boxes.begin() + n, results);
    *count = n;
    return CVBStatusOK;
}

StderrSilencer::StderrSilencer() {
    static std::mutex mutex;
    lock = std::unique_lock<std::mutex>(mutex);
    fflush(stderr);
    saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0) dup2(null, STDERR_FILENO);
    if (null >= 0) close(null);
}

StderrSilencer::~StderrSilencer() {
    fflush(stderr);
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
}

}  // namespace cvb

extern "C" const char *cvb_last_error(void) { return last_error.c_str(); }

extern "C" void cvb_configure(int32_t threads) {
    cv::utils::logging::setLogLevel(cv::utils::logging::LOG_LEVEL_SILENT);
    // OpenCV's FFmpeg backend reads this once, when videoio is first used: -8 is AV_LOG_QUIET, so libav's own
    // lines ("moov atom not found") do not reach the user, who gets Shoji's one-line error instead.
    setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", /*overwrite=*/0);
    if (threads != 0) cv::setNumThreads(threads);  // -1 restores OpenCV's default
}
