// Face alignment and embedding with dlib 19.24 (Debian): the 5-point shape predictor places the face on dlib's
// 150x150 chip template and the ResNet (dlib_face_recognition_resnet_model_v1, CC0) turns the chip into a 128-d
// descriptor. dlib's matrix code calls BLAS (DLIB_USE_BLAS in Debian's build), which Debian's alternatives point
// at OpenBLAS. The chip and the network's activations exist only inside one call (privacy invariant 1): the
// network is cleaned after every forward pass.
#include "Bridge.hpp"

#include <dlib/dnn.h>
#include <dlib/image_processing.h>
#include <dlib/opencv/cv_image.h>

#include <cmath>
#include <vector>

using cvb::guarded;

namespace {

// The network the model file was trained with; deserialising needs exactly these layers. Read from the top
// down: a 128-unit linear layer over the average of a residual network whose input is a 150x150 RGB chip.
using namespace dlib;

template <template <int, template <typename> class, int, typename> class Block, int Filters,
          template <typename> class Norm, typename Below>
using residual = add_prev1<Block<Filters, Norm, 1, tag1<Below>>>;

template <template <int, template <typename> class, int, typename> class Block, int Filters,
          template <typename> class Norm, typename Below>
using residual_down = add_prev2<avg_pool<2, 2, 2, 2, skip1<tag2<Block<Filters, Norm, 2, tag1<Below>>>>>>;

template <int Filters, template <typename> class Norm, int Stride, typename Below>
using conv_block = Norm<con<Filters, 3, 3, 1, 1, relu<Norm<con<Filters, 3, 3, Stride, Stride, Below>>>>>;

template <int Filters, typename Below> using res = relu<residual<conv_block, Filters, affine, Below>>;
template <int Filters, typename Below> using res_down = relu<residual_down<conv_block, Filters, affine, Below>>;

template <typename Below> using level0 = res_down<256, Below>;
template <typename Below> using level1 = res<256, res<256, res_down<256, Below>>>;
template <typename Below> using level2 = res<128, res<128, res_down<128, Below>>>;
template <typename Below> using level3 = res<64, res<64, res<64, res_down<64, Below>>>>;
template <typename Below> using level4 = res<32, res<32, res<32, Below>>>;

using embedding_net = loss_metric<fc_no_bias<128, avg_pool_everything<
    level0<level1<level2<level3<level4<
    max_pool<3, 3, 2, 2, relu<affine<con<32, 7, 7, 2, 2, input_rgb_image_sized<150>>>>>>>>>>>>>;

/// dlib's chip: 150x150 pixels, 25 % padding around the aligned face (as dlib's face recognition example).
constexpr unsigned long chip_size = 150;
constexpr double chip_padding = 0.25;

}  // namespace

struct CVBFaceEmbedder {
    dlib::shape_predictor landmarks;
    embedding_net net;
};

extern "C" CVBFaceEmbedder *cvb_face_embedder_create(const char *shape_predictor_path, const char *network_path) {
    return guarded<CVBFaceEmbedder *>(nullptr, [&]() -> CVBFaceEmbedder * {
        auto embedder = new CVBFaceEmbedder();
        try {
            dlib::deserialize(shape_predictor_path) >> embedder->landmarks;
            dlib::deserialize(network_path) >> embedder->net;
        } catch (...) {
            delete embedder;
            throw;
        }
        if (embedder->landmarks.num_parts() != 5) {
            delete embedder;
            cvb::set_error("the shape predictor must be dlib's 5-point model (the 68-point one may not be used commercially)");
            return nullptr;
        }
        return embedder;
    });
}

extern "C" void cvb_face_embedder_free(CVBFaceEmbedder *embedder) { delete embedder; }

extern "C" CVBStatus cvb_face_embed(CVBFaceEmbedder *embedder, const CVBFrame *frame, const CVBDetection *faces,
                                    int32_t count, float *descriptors, float *landmarks) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        if (count <= 0) return CVBStatusOK;
        const cv::Mat &image = frame->mat;
        if (image.empty() || image.type() != CV_8UC3) { cvb::set_error("frame is empty or not 8-bit BGR"); return CVBStatusError; }
        // Wraps the frame's pixels without copying them.
        const dlib::cv_image<dlib::bgr_pixel> pixels(image);
        std::vector<dlib::matrix<dlib::rgb_pixel>> chips(count);
        for (int32_t i = 0; i < count; ++i) {
            const CVBDetection &face = faces[i];
            if (!std::isfinite(face.x) || !std::isfinite(face.y) || !(face.width >= 2) || !(face.height >= 2) ||
                face.width > 1e5f || face.height > 1e5f) {
                cvb::set_error("face box is empty or not finite");
                return CVBStatusError;
            }
            const dlib::rectangle box(long(std::lround(face.x)), long(std::lround(face.y)),
                                      long(std::lround(face.x + face.width)) - 1,
                                      long(std::lround(face.y + face.height)) - 1);
            const dlib::full_object_detection shape = embedder->landmarks(pixels, box);
            if (landmarks) {
                for (unsigned long p = 0; p < 5; ++p) {
                    landmarks[10 * i + 2 * p] = float(shape.part(p).x());
                    landmarks[10 * i + 2 * p + 1] = float(shape.part(p).y());
                }
            }
            dlib::extract_image_chip(pixels, dlib::get_face_chip_details(shape, chip_size, chip_padding), chips[i]);
        }
        const std::vector<dlib::matrix<float, 0, 1>> vectors = embedder->net(chips);
        // What is left of the faces after the call: nothing but the descriptors handed back.
        for (auto &chip : chips) dlib::set_all_elements(chip, dlib::rgb_pixel(0, 0, 0));
        chips.clear();
        embedder->net.clean();
        for (int32_t i = 0; i < count; ++i) {
            const auto &vector = vectors[size_t(i)];
            if (vector.size() != 128) { cvb::set_error("the network gave a descriptor of the wrong size"); return CVBStatusError; }
            for (long k = 0; k < 128; ++k) descriptors[128 * i + k] = vector(k);
        }
        return CVBStatusOK;
    });
}
