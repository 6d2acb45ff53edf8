// Image classifiers over a crop of a frame (age and gender from a face), OpenCV DNN on ONNX models.
// The crop is a temporary cv::Mat inside one call: it never leaves this function (privacy invariant 1).
#include "Bridge.hpp"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <algorithm>
#include <cmath>

using cvb::guarded;

struct CVBClassifier {
    cv::dnn::Net net;
    cv::Size input;
    double scale;
    cv::Scalar mean;  // in the model's channel order
    bool swap_rb;
    cv::Mat chip, blob, output;
};

extern "C" CVBClassifier *cvb_classifier_create(const char *model_path, int32_t input_width, int32_t input_height,
                                                float scale, float mean0, float mean1, float mean2,
                                                int32_t swap_rb) {
    return guarded<CVBClassifier *>(nullptr, [&]() -> CVBClassifier * {
        if (input_width <= 0 || input_height <= 0) { cvb::set_error("classifier input size must be positive"); return nullptr; }
        auto classifier = new CVBClassifier();
        classifier->net = cv::dnn::readNetFromONNX(model_path);
        classifier->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        classifier->input = cv::Size(input_width, input_height);
        classifier->scale = scale;
        classifier->mean = cv::Scalar(mean0, mean1, mean2);
        classifier->swap_rb = swap_rb != 0;
        return classifier;
    });
}

extern "C" void cvb_classifier_free(CVBClassifier *classifier) { delete classifier; }

/// Runs the network on the chip prepared in `c->chip` (then released: the crop lives no longer than this call)
/// and copies up to `capacity` outputs.
static CVBStatus classify_chip(CVBClassifier *c, float *outputs, int32_t capacity, int32_t *count) {
    // blobFromImage computes (pixel - mean) * scale after the optional BGR->RGB swap.
    cv::dnn::blobFromImage(c->chip, c->blob, c->scale, c->input, c->mean, c->swap_rb, /*crop=*/false);
    c->chip.release();
    c->net.setInput(c->blob);
    c->blob.release();  // the scaled face pixels: gone with the call, like the chip
    const cv::Mat flat = c->net.forward().reshape(1, 1);
    const int n = std::min<int>(int(flat.total()), capacity);
    for (int i = 0; i < n; ++i) outputs[i] = flat.at<float>(0, i);
    *count = n;
    return CVBStatusOK;
}

extern "C" CVBStatus cvb_classifier_run(CVBClassifier *c, const CVBFrame *frame, float x, float y, float width,
                                        float height, float *outputs, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        *count = 0;
        const cv::Mat &image = frame->mat;
        const int left = int(std::floor(x)), top = int(std::floor(y));
        const int w = int(std::lround(width)), h = int(std::lround(height));
        if (w <= 0 || h <= 0) { cvb::set_error("classifier region is empty"); return CVBStatusError; }
        const cv::Rect wanted(left, top, w, h);
        const cv::Rect inside = wanted & cv::Rect(0, 0, image.cols, image.rows);
        if (inside.area() == 0) { cvb::set_error("classifier region lies outside the frame"); return CVBStatusError; }
        // Parts of the region beyond the frame are black, as dlib's chip extraction pads them.
        cv::copyMakeBorder(image(inside), c->chip, inside.y - wanted.y, wanted.br().y - inside.br().y,
                           inside.x - wanted.x, wanted.br().x - inside.br().x, cv::BORDER_CONSTANT, cv::Scalar());
        return classify_chip(c, outputs, capacity, count);
    });
}

extern "C" CVBStatus cvb_classifier_run_affine(CVBClassifier *c, const CVBFrame *frame, const float *image_to_chip,
                                               float *outputs, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        *count = 0;
        cv::Mat matrix(2, 3, CV_64F);
        for (int i = 0; i < 6; ++i) {
            if (!std::isfinite(image_to_chip[i])) { cvb::set_error("chip transform is not finite"); return CVBStatusError; }
            matrix.at<double>(i / 3, i % 3) = image_to_chip[i];
        }
        cv::warpAffine(frame->mat, c->chip, matrix, c->input, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar());
        return classify_chip(c, outputs, capacity, count);
    });
}

