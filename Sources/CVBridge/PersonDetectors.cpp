#include "Bridge.hpp"

#include <opencv2/dnn.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

using cvb::guarded;

struct CVBSSDPersonDetector {
    cv::dnn::Net net;
    cv::Mat blob;
};

struct CVBHOGPersonDetector {
    cv::HOGDescriptor hog;
    cv::Mat scaled;
};

extern "C" CVBSSDPersonDetector *cvb_ssd_person_create(const char *graph_path, const char *text_graph_path) {
    return guarded<CVBSSDPersonDetector *>(nullptr, [&] {
        auto detector = new CVBSSDPersonDetector();
        detector->net = cv::dnn::readNetFromTensorflow(graph_path, text_graph_path);
        detector->net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        return detector;
    });
}

extern "C" void cvb_ssd_person_free(CVBSSDPersonDetector *detector) { delete detector; }

extern "C" CVBStatus cvb_ssd_person_detect(CVBSSDPersonDetector *d, const CVBFrame *frame, int32_t roi_x,
                                           int32_t roi_y, int32_t roi_width, int32_t roi_height, float threshold,
                                           CVBDetection *results, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        cv::Rect roi = (roi_width > 0 && roi_height > 0)
                           ? cvb::clip(roi_x, roi_y, roi_width, roi_height, frame->mat.size())
                           : cv::Rect(0, 0, frame->mat.cols, frame->mat.rows);
        if (roi.empty()) { *count = 0; return CVBStatusOK; }
        // The frozen graph does its own normalisation: feed raw RGB pixel values at 300x300.
        cv::dnn::blobFromImage(frame->mat(roi), d->blob, 1.0, cv::Size(300, 300), cv::Scalar(), true, false);
        d->net.setInput(d->blob);
        cv::Mat out = d->net.forward();  // 1 x 1 x N x 7: image, class, score, x1, y1, x2, y2 (normalised)
        cv::Mat rows(out.size[2], out.size[3], CV_32F, out.ptr<float>());
        std::vector<CVBDetection> boxes;
        for (int i = 0; i < rows.rows; ++i) {
            const float *r = rows.ptr<float>(i);
            if (r[2] < threshold) continue;
            float x1 = std::clamp(r[3], 0.f, 1.f) * roi.width, y1 = std::clamp(r[4], 0.f, 1.f) * roi.height;
            float x2 = std::clamp(r[5], 0.f, 1.f) * roi.width, y2 = std::clamp(r[6], 0.f, 1.f) * roi.height;
            if (x2 <= x1 || y2 <= y1) continue;
            boxes.push_back({x1 + roi.x, y1 + roi.y, x2 - x1, y2 - y1, r[2]});
        }
        return cvb::emit(boxes, results, capacity, count);
    });
}

extern "C" CVBHOGPersonDetector *cvb_hog_person_create(void) {
    return guarded<CVBHOGPersonDetector *>(nullptr, [] {
        auto detector = new CVBHOGPersonDetector();
        detector->hog.setSVMDetector(cv::HOGDescriptor::getDefaultPeopleDetector());
        return detector;
    });
}

extern "C" void cvb_hog_person_free(CVBHOGPersonDetector *detector) { delete detector; }

extern "C" CVBStatus cvb_hog_person_detect(CVBHOGPersonDetector *d, const CVBFrame *frame, float scale,
                                           float threshold, CVBDetection *results, int32_t capacity, int32_t *count) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        if (scale <= 0 || scale > 1) scale = 1;
        const cv::Mat *image = &frame->mat;
        if (scale < 1) {
            cv::resize(frame->mat, d->scaled, cv::Size(), scale, scale, cv::INTER_LINEAR);
            image = &d->scaled;
        }
        std::vector<cv::Rect> found;
        std::vector<double> weights;
        d->hog.detectMultiScale(*image, found, weights, 0, cv::Size(8, 8), cv::Size(), 1.05, 2.0);
        std::vector<CVBDetection> boxes;
        for (size_t i = 0; i < found.size(); ++i) {
            if (weights[i] < threshold) continue;
            const cv::Rect &r = found[i];
            boxes.push_back({r.x / scale, r.y / scale, r.width / scale, r.height / scale, float(weights[i])});
        }
        return cvb::emit(boxes, results, capacity, count);
    });
}
