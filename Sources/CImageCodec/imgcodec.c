// The image codec's C side (shared by IDScan and the printout's logo loader): the only place that touches setjmp/longjmp. Kept small on purpose.
#include "imgcodec.h"
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <jpeglib.h>
#include <jerror.h>
#include <png.h>

static void copy_message(char *dst, size_t n, const char *src) {
    if (dst == NULL || n == 0) return;
    snprintf(dst, n, "%s", src ? src : "");
}

void imgcodec_free(void *pointer) { free(pointer); }

// MARK: - JPEG

typedef struct {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int truncated;                  // premature end of data: we call that corrupt
    char message[JMSG_LENGTH_MAX];
} imgcodec_jpeg_error;

typedef struct {
    struct jpeg_progress_mgr base;
    j_decompress_ptr cinfo;
} imgcodec_jpeg_progress;

static void jpeg_error_exit_jump(j_common_ptr cinfo) {
    imgcodec_jpeg_error *err = (imgcodec_jpeg_error *)cinfo->err;
    (*cinfo->err->format_message)(cinfo, err->message);
    longjmp(err->jump, 1);
}

static void jpeg_emit_message_quiet(j_common_ptr cinfo, int level) {
    imgcodec_jpeg_error *err = (imgcodec_jpeg_error *)cinfo->err;
    if (level < 0) {
        int code = cinfo->err->msg_code;
        if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER) {
            err->truncated = 1;
            (*cinfo->err->format_message)(cinfo, err->message);
        }
        cinfo->err->num_warnings++;
    }
}

// Progressive files with thousands of scans are a known CPU denial of service: cap them.
static void jpeg_progress_limit(j_common_ptr cinfo) {
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > 200) {
            imgcodec_jpeg_error *err = (imgcodec_jpeg_error *)cinfo->err;
            copy_message(err->message, sizeof err->message, "too many progressive scans");
            longjmp(err->jump, 1);
        }
    }
}

// Set-up shared by the decoders. `jpeg_decoder_errors` runs before the caller's setjmp;
// `jpeg_decoder_open` after it (libjpeg may longjmp from inside it, back to that caller's frame).
static void jpeg_decoder_errors(struct jpeg_decompress_struct *cinfo, imgcodec_jpeg_error *jerr) {
    memset(jerr, 0, sizeof *jerr);
    cinfo->err = jpeg_std_error(&jerr->base);
    jerr->base.error_exit = jpeg_error_exit_jump;
    jerr->base.emit_message = jpeg_emit_message_quiet;
}

static void jpeg_decoder_open(struct jpeg_decompress_struct *cinfo, imgcodec_jpeg_progress *progress,
                              const uint8_t *data, size_t size) {
    jpeg_create_decompress(cinfo);
    cinfo->mem->max_memory_to_use = 512L * 1024 * 1024;
    memset(progress, 0, sizeof *progress);
    progress->base.progress_monitor = jpeg_progress_limit;
    progress->cinfo = cinfo;
    cinfo->progress = &progress->base;
    jpeg_mem_src(cinfo, data, (unsigned long)size);
}

// CMYK/YCCK JPEGs (print designers' logos): libjpeg hands back C, M, Y, K; Adobe's files (an
// APP14 marker) store them inverted. Naive conversion without an ICC profile: enough for a logo
// on paper, where a CMYK refusal would only send the user to an image editor.
static void cmyk_to_rgb(const uint8_t *cmyk, int adobe, uint8_t *r, uint8_t *g, uint8_t *b) {
    unsigned c = cmyk[0], m = cmyk[1], y = cmyk[2], k = cmyk[3];
    if (!adobe) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
    // Here each value is 255 - ink: R = (1 - C)(1 - K).
    *r = (uint8_t)((c * k + 127) / 255);
    *g = (uint8_t)((m * k + 127) / 255);
    *b = (uint8_t)((y * k + 127) / 255);
}

static int jpeg_decode_impl(const uint8_t *data, size_t size, uint64_t max_pixels, int min_long_side,
                            int fixed_denom, int rgb, imgcodec_gray_image *out, char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    if (data == NULL || size < 4 || size > 0xFFFFFFFFul) { copy_message(message, message_size, "empty or oversized JPEG data"); return IMGCODEC_CORRUPT; }
    struct jpeg_decompress_struct cinfo;
    imgcodec_jpeg_error jerr;
    imgcodec_jpeg_progress progress;
    volatile int status = IMGCODEC_OK;
    uint8_t *volatile pixels = NULL;
    uint8_t *volatile cmyk_row = NULL;
    jpeg_decoder_errors(&cinfo, &jerr);
    if (setjmp(jerr.jump)) {
        copy_message(message, message_size, jerr.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        free(cmyk_row);
        memset(out, 0, sizeof *out);
        return status == IMGCODEC_OK ? IMGCODEC_CORRUPT : status;
    }
    jpeg_decoder_open(&cinfo, &progress, data, size);
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
        copy_message(message, message_size, "no JPEG image found");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    out->source_width = (int)cinfo.image_width;
    out->source_height = (int)cinfo.image_height;
    uint64_t pixel_count = (uint64_t)cinfo.image_width * (uint64_t)cinfo.image_height;
    if (pixel_count == 0) {
        copy_message(message, message_size, "JPEG with zero dimensions");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    if (pixel_count > max_pixels) {
        copy_message(message, message_size, "image dimensions above the limit");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_TOO_LARGE;
    }
    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    int denom = 1;
    if (fixed_denom > 0) {
        denom = (fixed_denom >= 8) ? 8 : (fixed_denom >= 4) ? 4 : (fixed_denom >= 2) ? 2 : 1;
    } else {
        unsigned long long_side = cinfo.image_width > cinfo.image_height ? cinfo.image_width : cinfo.image_height;
        while (denom < 8 && long_side / (unsigned long)(denom * 2) >= (unsigned long)min_long_side) denom *= 2;
    }
    cinfo.scale_num = 1;
    cinfo.scale_denom = (unsigned int)denom;
    cinfo.out_color_space = cmyk ? JCS_CMYK : (rgb ? JCS_RGB : JCS_GRAYSCALE);
    cinfo.dct_method = JDCT_ISLOW;
    cinfo.do_fancy_upsampling = FALSE;
    cinfo.do_block_smoothing = FALSE;
    jpeg_start_decompress(&cinfo);
    const size_t channels = rgb ? 3 : 1;
    if (cinfo.output_components != (cmyk ? 4 : (int)channels)) {
        copy_message(message, message_size, "unexpected JPEG output components");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_UNSUPPORTED;
    }
    size_t w = cinfo.output_width, h = cinfo.output_height;
    pixels = (uint8_t *)malloc(w * h * channels);
    if (pixels == NULL) {
        status = IMGCODEC_NO_MEMORY;
        copy_message(jerr.message, sizeof jerr.message, "out of memory");
        longjmp(jerr.jump, 1);
    }
    if (cmyk && (cmyk_row = (uint8_t *)malloc(w * 4)) == NULL) {
        free(pixels);
        pixels = NULL;
        status = IMGCODEC_NO_MEMORY;
        copy_message(jerr.message, sizeof jerr.message, "out of memory");
        longjmp(jerr.jump, 1);
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        size_t y = cinfo.output_scanline;
        JSAMPROW row = cmyk ? cmyk_row : pixels + y * w * channels;
        if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) break;
        if (jerr.truncated) break;
        if (cmyk) {
            for (size_t x = 0; x < w; x++) {
                uint8_t r, g, b;
                cmyk_to_rgb(cmyk_row + x * 4, cinfo.saw_Adobe_marker, &r, &g, &b);
                if (rgb) {
                    uint8_t *p = pixels + (y * w + x) * 3;
                    p[0] = r; p[1] = g; p[2] = b;
                } else {
                    pixels[y * w + x] = (uint8_t)((299u * r + 587u * g + 114u * b + 500u) / 1000u);
                }
            }
        }
    }
    free(cmyk_row);
    cmyk_row = NULL;
    if (jerr.truncated || cinfo.output_scanline < cinfo.output_height) {
        copy_message(message, message_size, jerr.message[0] ? jerr.message : "premature end of JPEG data");
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return IMGCODEC_CORRUPT;
    }
    jpeg_finish_decompress(&cinfo);
    if (jerr.truncated) {
        copy_message(message, message_size, jerr.message);
        jpeg_destroy_decompress(&cinfo);
        free(pixels);
        return IMGCODEC_CORRUPT;
    }
    jpeg_destroy_decompress(&cinfo);
    out->pixels = pixels;
    out->width = (int)w;
    out->height = (int)h;
    out->scale_denom = denom;
    return IMGCODEC_OK;
}

int imgcodec_jpeg_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels, int min_long_side,
                            imgcodec_gray_image *out, char *message, size_t message_size) {
    return jpeg_decode_impl(data, size, max_pixels, min_long_side, 0, 0, out, message, message_size);
}

int imgcodec_jpeg_decode_gray_scaled(const uint8_t *data, size_t size, uint64_t max_pixels, int scale_denom,
                                   imgcodec_gray_image *out, char *message, size_t message_size) {
    return jpeg_decode_impl(data, size, max_pixels, 0, scale_denom < 1 ? 1 : scale_denom, 0, out, message, message_size);
}

int imgcodec_jpeg_decode_rgb_scaled(const uint8_t *data, size_t size, uint64_t max_pixels, int scale_denom,
                                    imgcodec_gray_image *out, char *message, size_t message_size) {
    return jpeg_decode_impl(data, size, max_pixels, 0, scale_denom < 1 ? 1 : scale_denom, 1, out, message, message_size);
}

static int jpeg_encode_impl(const uint8_t *pixels, int width, int height, int components, J_COLOR_SPACE space,
                            size_t stride, int quality, int optimize, uint8_t **out, size_t *out_size,
                            char *message, size_t message_size) {
    struct jpeg_compress_struct cinfo;
    imgcodec_jpeg_error jerr;
    unsigned char *buffer = NULL;
    unsigned long buffer_size = 0;
    memset(&jerr, 0, sizeof jerr);
    cinfo.err = jpeg_std_error(&jerr.base);
    jerr.base.error_exit = jpeg_error_exit_jump;
    jerr.base.emit_message = jpeg_emit_message_quiet;
    if (setjmp(jerr.jump)) {
        copy_message(message, message_size, jerr.message);
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return IMGCODEC_CORRUPT;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, &buffer, &buffer_size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = components;
    cinfo.in_color_space = space;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality < 1 ? 1 : (quality > 100 ? 100 : quality), TRUE);
    cinfo.optimize_coding = optimize ? TRUE : FALSE;
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * stride);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_size = buffer_size;
    return IMGCODEC_OK;
}

int imgcodec_jpeg_encode(const uint8_t *pixels, int width, int height, int components, int quality,
                       uint8_t **out, size_t *out_size, char *message, size_t message_size) {
    *out = NULL; *out_size = 0;
    if (pixels == NULL || width <= 0 || height <= 0 || (components != 1 && components != 3)) {
        copy_message(message, message_size, "invalid encoder arguments");
        return IMGCODEC_CORRUPT;
    }
    return jpeg_encode_impl(pixels, width, height, components, components == 3 ? JCS_RGB : JCS_GRAYSCALE,
                            (size_t)width * (size_t)components, quality, 0, out, out_size, message, message_size);
}

int imgcodec_jpeg_encode_bgrx(const uint8_t *pixels, int width, int height, size_t stride, int quality,
                            uint8_t **out, size_t *out_size, char *message, size_t message_size) {
    *out = NULL; *out_size = 0;
    if (pixels == NULL || width <= 0 || height <= 0 || stride < (size_t)width * 4) {
        copy_message(message, message_size, "invalid encoder arguments");
        return IMGCODEC_CORRUPT;
    }
    return jpeg_encode_impl(pixels, width, height, 4, JCS_EXT_BGRX, stride, quality, 1, out, out_size,
                            message, message_size);
}

int imgcodec_jpeg_decode_bgrx(const uint8_t *data, size_t size, int width, int height,
                            uint8_t *dst, size_t dst_stride, char *message, size_t message_size) {
    if (data == NULL || size < 4 || size > 0xFFFFFFFFul || dst == NULL || width <= 0 || height <= 0 ||
        dst_stride < (size_t)width * 4) {
        copy_message(message, message_size, "invalid decoder arguments");
        return IMGCODEC_CORRUPT;
    }
    struct jpeg_decompress_struct cinfo;
    imgcodec_jpeg_error jerr;
    imgcodec_jpeg_progress progress;
    jpeg_decoder_errors(&cinfo, &jerr);
    if (setjmp(jerr.jump)) {
        copy_message(message, message_size, jerr.message);
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    jpeg_decoder_open(&cinfo, &progress, data, size);
    if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK) {
        copy_message(message, message_size, "no JPEG image found");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    // CMYK is decoded as C, M, Y, K in place (4 bytes per pixel, like BGRX) and converted per row.
    int cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_EXT_BGRX;
    jpeg_start_decompress(&cinfo);
    if ((int)cinfo.output_width != width || (int)cinfo.output_height != height || cinfo.output_components != 4) {
        copy_message(message, message_size, "unexpected JPEG geometry");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = dst + (size_t)cinfo.output_scanline * dst_stride;
        if (jpeg_read_scanlines(&cinfo, &row, 1) != 1 || jerr.truncated) break;
        if (cmyk) {
            for (int x = 0; x < width; x++) {
                uint8_t *p = row + (size_t)x * 4, r, g, b;
                cmyk_to_rgb(p, cinfo.saw_Adobe_marker, &r, &g, &b);
                p[0] = b; p[1] = g; p[2] = r; p[3] = 255;
            }
        }
    }
    if (jerr.truncated || cinfo.output_scanline < cinfo.output_height) {
        copy_message(message, message_size, jerr.message[0] ? jerr.message : "premature end of JPEG data");
        jpeg_destroy_decompress(&cinfo);
        return IMGCODEC_CORRUPT;
    }
    jpeg_finish_decompress(&cinfo);
    jpeg_destroy_decompress(&cinfo);
    return IMGCODEC_OK;
}

// MARK: - PNG (libpng's simplified API: it keeps its own setjmp inside libpng)

static int png_decode_impl(const uint8_t *data, size_t size, uint64_t max_pixels, int rgb,
                           imgcodec_gray_image *out, char *message, size_t message_size) {
    memset(out, 0, sizeof *out);
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (data == NULL || size < 8) { copy_message(message, message_size, "empty PNG data"); return IMGCODEC_CORRUPT; }
    if (!png_image_begin_read_from_memory(&image, data, size)) {
        copy_message(message, message_size, image.message);
        png_image_free(&image);
        return IMGCODEC_CORRUPT;
    }
    out->source_width = (int)image.width;
    out->source_height = (int)image.height;
    uint64_t pixel_count = (uint64_t)image.width * (uint64_t)image.height;
    if (pixel_count == 0) { png_image_free(&image); copy_message(message, message_size, "PNG with zero dimensions"); return IMGCODEC_CORRUPT; }
    if (pixel_count > max_pixels) {
        png_image_free(&image);
        copy_message(message, message_size, "image dimensions above the limit");
        return IMGCODEC_TOO_LARGE;
    }
    image.format = rgb ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    // A 16-bit PNG without gAMA/sRGB is what editors write for "the same picture, more bits":
    // sRGB-encoded. Without this flag libpng reads it as linear light and gamma-encodes it, so a
    // 16-bit copy of a good scan came out far brighter (and was rejected as overexposed).
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
    size_t w = image.width, h = image.height;
    const size_t channels = rgb ? 3 : 1;
    uint8_t *pixels = (uint8_t *)malloc(w * h * channels);
    if (pixels == NULL) { png_image_free(&image); copy_message(message, message_size, "out of memory"); return IMGCODEC_NO_MEMORY; }
    uint8_t background = 255;  // transparent areas composited on white
    png_color bg = { background, background, background };
    if (!png_image_finish_read(&image, &bg, pixels, (png_int_32)(w * channels), NULL)) {
        copy_message(message, message_size, image.message);
        png_image_free(&image);
        free(pixels);
        return IMGCODEC_CORRUPT;
    }
    png_image_free(&image);
    out->pixels = pixels;
    out->width = (int)w;
    out->height = (int)h;
    out->scale_denom = 1;
    return IMGCODEC_OK;
}

int imgcodec_png_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels,
                           imgcodec_gray_image *out, char *message, size_t message_size) {
    return png_decode_impl(data, size, max_pixels, 0, out, message, message_size);
}

int imgcodec_png_decode_rgb(const uint8_t *data, size_t size, uint64_t max_pixels,
                          imgcodec_gray_image *out, char *message, size_t message_size) {
    return png_decode_impl(data, size, max_pixels, 1, out, message, message_size);
}

int imgcodec_png_encode(const uint8_t *pixels, int width, int height, int components,
                      uint8_t **out, size_t *out_size, char *message, size_t message_size) {
    *out = NULL; *out_size = 0;
    if (pixels == NULL || width <= 0 || height <= 0 || (components != 1 && components != 3)) {
        copy_message(message, message_size, "invalid encoder arguments");
        return IMGCODEC_CORRUPT;
    }
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = (png_uint_32)width;
    image.height = (png_uint_32)height;
    image.format = components == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    png_alloc_size_t size = 0;
    png_int_32 stride = width * components;
    if (!png_image_write_to_memory(&image, NULL, &size, 0, pixels, stride, NULL)) {
        copy_message(message, message_size, image.message);
        return IMGCODEC_CORRUPT;
    }
    uint8_t *buffer = (uint8_t *)malloc(size);
    if (buffer == NULL) { copy_message(message, message_size, "out of memory"); return IMGCODEC_NO_MEMORY; }
    if (!png_image_write_to_memory(&image, buffer, &size, 0, pixels, stride, NULL)) {
        copy_message(message, message_size, image.message);
        free(buffer);
        return IMGCODEC_CORRUPT;
    }
    *out = buffer;
    *out_size = size;
    return IMGCODEC_OK;
}

// MARK: - Card warp (hot loop kept here: no per-pixel range checks)

void imgcodec_warp_bilinear(const uint8_t *src, int src_width, int src_height, const float h[8],
                          uint8_t *dst, int width, int height) {
#pragma clang fp contract(off)
    if (src == NULL || dst == NULL || h == NULL || src_width <= 0 || src_height <= 0 || width <= 0 || height <= 0) return;
    const float h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
    const float max_x = (float)(src_width - 1), max_y = (float)(src_height - 1);
    const size_t sw = (size_t)src_width;
    for (int y = 0; y < height; y++) {
        const float fy = (float)y + 0.5f;
        float nx = h0 * 0.5f + h1 * fy + h2, ny = h3 * 0.5f + h4 * fy + h5, dn = h6 * 0.5f + h7 * fy + 1.0f;
        uint8_t *row = dst + (size_t)y * (size_t)width;
        for (int x = 0; x < width; x++) {
            const float cnx = nx, cny = ny, cdn = dn;
            nx += h0; ny += h3; dn += h6;
            if (!(fabsf(cdn) > 1e-6f)) continue;
            const float inv = 1.0f / cdn;
            const float sx = cnx * inv - 0.5f, sy = cny * inv - 0.5f;
            if (!isfinite(sx) || !isfinite(sy)) continue;
            // Clamped into the image, so the integer parts index inside it.
            const float cx = sx < 0.0f ? 0.0f : (sx > max_x ? max_x : sx);
            const float cy = sy < 0.0f ? 0.0f : (sy > max_y ? max_y : sy);
            const int x0 = (int)cx, y0 = (int)cy;
            const size_t dx = x0 < src_width - 1 ? 1 : 0, dy = y0 < src_height - 1 ? sw : 0;
            const float ax = cx - (float)x0, ay = cy - (float)y0;
            const uint8_t *p = src + (size_t)y0 * sw + (size_t)x0;
            const float top = (float)p[0] * (1.0f - ax) + (float)p[dx] * ax;
            const float bottom = (float)p[dy] * (1.0f - ax) + (float)p[dy + dx] * ax;
            float v = top * (1.0f - ay) + bottom * ay + 0.5f;
            v = v < 0.0f ? 0.0f : (v > 255.0f ? 255.0f : v);
            row[x] = (uint8_t)(int)v;
        }
    }
}
