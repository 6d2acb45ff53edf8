// Internal to CVBridge: the handle structs and the exception guard shared by every bridge function.
#pragma once

#include "CVBridge.h"

#include <opencv2/core.hpp>
#include <mutex>
#include <string>

struct CVBFrame {
    cv::Mat mat;  // 8-bit, 3 channels, BGR
};

namespace cvb {

/// Records the message returned by cvb_last_error() on this thread.
void set_error(const std::string &message);
void clear_error();

/// Runs `body`, turning every C++ exception into an error message and `failure`.
template <typename Result, typename Body>
Result guarded(Result failure, Body &&body) {
    try {
        clear_error();
        return body();
    } catch (const cv::Exception &e) {
        set_error(e.what());
    } catch (const std::exception &e) {
        set_error(e.what());
    } catch (...) {
        set_error("unknown C++ exception");
    }
    return failure;
}

/// Clips a rectangle to a frame of the given size.
cv::Rect clip(int x, int y, int width, int height, const cv::Size &size);

/// Greedy non-maximum suppression: the indices of the boxes kept, best score first; of two boxes overlapping
/// by `iou_threshold` or more, the higher-scoring one is kept.
std::vector<size_t> kept_after_suppression(const std::vector<CVBDetection> &boxes, float iou_threshold);

/// Non-maximum suppression in place (see kept_after_suppression).
void suppress(std::vector<CVBDetection> &boxes, float iou_threshold);

/// Copies up to `capacity` detections out; returns CVBStatusOK.
CVBStatus emit(const std::vector<CVBDetection> &boxes, CVBDetection *results, int32_t capacity, int32_t *count);

/// Sends standard error to /dev/null while alive. libjpeg and libpng print warnings ("Premature end of JPEG
/// file") straight to stderr with no switch to turn them off; Shoji reports a broken image itself, in one
/// line. Held only around image decoding; one at a time.
class StderrSilencer {
public:
    StderrSilencer();
    ~StderrSilencer();
    StderrSilencer(const StderrSilencer &) = delete;
    StderrSilencer &operator=(const StderrSilencer &) = delete;

private:
    std::unique_lock<std::mutex> lock;
    int saved = -1;
};

}  // namespace cvb
