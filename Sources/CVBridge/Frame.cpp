#include "Bridge.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using cvb::guarded;

extern "C" CVBFrame *cvb_frame_create(int32_t width, int32_t height) {
    return guarded<CVBFrame *>(nullptr, [&]() -> CVBFrame * {
        if (width <= 0 || height <= 0) { cvb::set_error("frame size must be positive"); return nullptr; }
        return new CVBFrame{cv::Mat(height, width, CV_8UC3, cv::Scalar::all(0))};
    });
}

extern "C" CVBFrame *cvb_frame_clone(const CVBFrame *frame) {
    return guarded<CVBFrame *>(nullptr, [&] { return new CVBFrame{frame->mat.clone()}; });
}

extern "C" void cvb_frame_free(CVBFrame *frame) { delete frame; }
extern "C" int32_t cvb_frame_width(const CVBFrame *frame) { return frame->mat.cols; }
extern "C" int32_t cvb_frame_height(const CVBFrame *frame) { return frame->mat.rows; }

extern "C" void cvb_frame_fill_rect(CVBFrame *frame, int32_t x, int32_t y, int32_t width, int32_t height,
                                    uint8_t blue, uint8_t green, uint8_t red) {
    guarded<int>(0, [&] {
        cv::Rect r = cvb::clip(x, y, width, height, frame->mat.size());
        if (!r.empty()) frame->mat(r).setTo(cv::Scalar(blue, green, red));
        return 0;
    });
}

extern "C" double cvb_frame_mean_abs_diff(const CVBFrame *a, const CVBFrame *b, int32_t x, int32_t y, int32_t width,
                                          int32_t height) {
    return guarded<double>(-1, [&]() -> double {
        if (a->mat.size() != b->mat.size()) return -1;
        cv::Rect r = cvb::clip(x, y, width, height, a->mat.size());
        if (r.empty()) return -1;
        cv::Mat diff;
        cv::absdiff(a->mat(r), b->mat(r), diff);
        cv::Scalar m = cv::mean(diff);
        return (m[0] + m[1] + m[2]) / 3.0;
    });
}

extern "C" double cvb_frame_detail(const CVBFrame *frame, int32_t x, int32_t y, int32_t width, int32_t height) {
    return guarded<double>(-1, [&]() -> double {
        cv::Rect r = cvb::clip(x, y, width, height, frame->mat.size());
        if (r.empty()) return -1;
        cv::Mat grey, edges;
        cv::cvtColor(frame->mat(r), grey, cv::COLOR_BGR2GRAY);
        cv::Laplacian(grey, edges, CV_32F);
        return cv::mean(cv::abs(edges))[0];
    });
}

/// Runs a decoder with libjpeg's and libpng's stderr warnings silenced and converts what it returns to an
/// 8-bit BGR frame; NULL (with the error set) when nothing was decoded.
template <typename Decode>
static CVBFrame *decode_quietly(Decode &&decode) {
    cv::Mat decoded;
    {
        cvb::StderrSilencer quiet;
        decoded = decode();
    }
    if (decoded.empty()) {
        cvb::set_error("not a readable image");
        return nullptr;
    }
    cv::Mat bgr;
    switch (decoded.channels()) {
        case 1: cv::cvtColor(decoded, bgr, cv::COLOR_GRAY2BGR); break;
        case 4: cv::cvtColor(decoded, bgr, cv::COLOR_BGRA2BGR); break;
        default: bgr = decoded;
    }
    if (bgr.depth() != CV_8U) bgr.convertTo(bgr, CV_8U);
    return new CVBFrame{bgr};
}

extern "C" CVBFrame *cvb_image_read(const char *path) {
    return guarded<CVBFrame *>(nullptr, [&] { return decode_quietly([&] { return cv::imread(path, cv::IMREAD_COLOR); }); });
}

extern "C" CVBFrame *cvb_image_decode(const uint8_t *bytes, size_t count) {
    return guarded<CVBFrame *>(nullptr, [&] {
        // imdecode reads the buffer in place (no copy). The caller checks the picture's size in its header first:
        // OpenCV's own limit (OPENCV_IO_MAX_IMAGE_PIXELS) is read when the library loads, too late to set here.
        const cv::Mat encoded(1, static_cast<int>(count), CV_8U, const_cast<uint8_t *>(bytes));
        return decode_quietly([&] { return cv::imdecode(encoded, cv::IMREAD_COLOR); });
    });
}

extern "C" CVBStatus cvb_image_write(const CVBFrame *frame, const char *path) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        if (!cv::imwrite(path, frame->mat)) {
            cvb::set_error("the image encoder refused the file (unknown extension or unwritable path)");
            return CVBStatusError;
        }
        return CVBStatusOK;
    });
}
