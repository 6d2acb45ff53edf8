#include "Bridge.hpp"

#include <opencv2/videoio.hpp>

using cvb::guarded;

struct CVBVideoReader {
    cv::VideoCapture capture;
};

struct CVBVideoWriter {
    cv::VideoWriter writer;
};

extern "C" CVBVideoReader *cvb_video_open(const char *uri, int32_t device_index) {
    return guarded<CVBVideoReader *>(nullptr, [&]() -> CVBVideoReader * {
        auto reader = new CVBVideoReader();
        bool opened = device_index >= 0 ? reader->capture.open(device_index, cv::CAP_V4L2)
                                        : reader->capture.open(uri, cv::CAP_FFMPEG);
        if (!opened) {
            delete reader;
            cvb::set_error("cannot open as video (not a video, unsupported codec, or unreachable)");
            return nullptr;
        }
        return reader;
    });
}

extern "C" void cvb_video_free(CVBVideoReader *reader) { delete reader; }

extern "C" CVBStatus cvb_video_read(CVBVideoReader *reader, CVBFrame **frame) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        if (!*frame) *frame = new CVBFrame();
        if (!reader->capture.read((*frame)->mat) || (*frame)->mat.empty()) return CVBStatusEnd;
        return CVBStatusOK;
    });
}

extern "C" double cvb_video_fps(const CVBVideoReader *reader) {
    return const_cast<cv::VideoCapture &>(reader->capture).get(cv::CAP_PROP_FPS);
}
extern "C" int64_t cvb_video_frame_count(const CVBVideoReader *reader) {
    return static_cast<int64_t>(const_cast<cv::VideoCapture &>(reader->capture).get(cv::CAP_PROP_FRAME_COUNT));
}
extern "C" int32_t cvb_video_width(const CVBVideoReader *reader) {
    return static_cast<int32_t>(const_cast<cv::VideoCapture &>(reader->capture).get(cv::CAP_PROP_FRAME_WIDTH));
}
extern "C" int32_t cvb_video_height(const CVBVideoReader *reader) {
    return static_cast<int32_t>(const_cast<cv::VideoCapture &>(reader->capture).get(cv::CAP_PROP_FRAME_HEIGHT));
}

extern "C" CVBVideoWriter *cvb_video_writer_open(const char *path, const char *fourcc, double fps, int32_t width,
                                                 int32_t height) {
    return guarded<CVBVideoWriter *>(nullptr, [&]() -> CVBVideoWriter * {
        std::string code(fourcc);
        if (code.size() != 4) { cvb::set_error("a codec code has four characters"); return nullptr; }
        auto writer = new CVBVideoWriter();
        int cc = cv::VideoWriter::fourcc(code[0], code[1], code[2], code[3]);
        if (!writer->writer.open(path, cv::CAP_FFMPEG, cc, fps > 0 ? fps : 25.0, cv::Size(width, height))) {
            delete writer;
            cvb::set_error("cannot open the video encoder for this file and codec");
            return nullptr;
        }
        return writer;
    });
}

extern "C" CVBStatus cvb_video_writer_write(CVBVideoWriter *writer, const CVBFrame *frame) {
    return guarded<CVBStatus>(CVBStatusError, [&] {
        writer->writer.write(frame->mat);
        return CVBStatusOK;
    });
}

extern "C" void cvb_video_writer_close(CVBVideoWriter *writer) {
    guarded<int>(0, [&] { writer->writer.release(); return 0; });
}

extern "C" void cvb_video_writer_free(CVBVideoWriter *writer) { delete writer; }
