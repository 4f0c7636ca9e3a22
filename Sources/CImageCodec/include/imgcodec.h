#ifndef DTEKIT_IMGCODEC_H
#define DTEKIT_IMGCODEC_H
// Thin C helpers of the image codec (ImageCodec module; used by IDScan and the printout's logos): libjpeg-turbo and libpng decode/encode with their setjmp/longjmp
// error handling kept entirely on the C side (Swift cannot call setjmp). Every function returns
// one of the IMGCODEC_* codes and never aborts; on failure `message` holds the library's text.
#include <stddef.h>
#include <stdint.h>

#define IMGCODEC_OK 0
#define IMGCODEC_CORRUPT 1          // truncated or invalid data
#define IMGCODEC_TOO_LARGE 2        // header dimensions above max_pixels (nothing allocated)
#define IMGCODEC_UNSUPPORTED 3      // valid file in a variant we do not handle (e.g. CMYK JPEG)
#define IMGCODEC_NO_MEMORY 4

/// An 8-bit grayscale image (row stride == width). `pixels` is malloc'd: free with imgcodec_free.
typedef struct {
    uint8_t *pixels;
    int width;
    int height;
    int source_width;   // dimensions stored in the file header
    int source_height;
    int scale_denom;    // DCT scaling used (1 for PNG)
} imgcodec_gray_image;

/// Decodes a JPEG to grayscale. Reads the header first and refuses (IMGCODEC_TOO_LARGE, with
/// source_width/height set) when width*height > max_pixels, before allocating any pixel memory.
/// Picks the largest DCT scale 1/1, 1/2, 1/4 or 1/8 keeping the long side >= min_long_side.
int imgcodec_jpeg_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels, int min_long_side,
                            imgcodec_gray_image *out, char *message, size_t message_size);

/// Same as imgcodec_jpeg_decode_gray with a caller-chosen DCT scale denominator (1, 2, 4 or 8).
int imgcodec_jpeg_decode_gray_scaled(const uint8_t *data, size_t size, uint64_t max_pixels, int scale_denom,
                                   imgcodec_gray_image *out, char *message, size_t message_size);

/// Decodes a PNG to 8-bit grayscale (any bit depth / colour type), same limit contract.
int imgcodec_png_decode_gray(const uint8_t *data, size_t size, uint64_t max_pixels,
                           imgcodec_gray_image *out, char *message, size_t message_size);

/// Same as imgcodec_jpeg_decode_gray_scaled, but the pixels are R, G, B (3 bytes each, row
/// stride 3 × width): the colour the card search falls back on when grey alone fails.
int imgcodec_jpeg_decode_rgb_scaled(const uint8_t *data, size_t size, uint64_t max_pixels, int scale_denom,
                                    imgcodec_gray_image *out, char *message, size_t message_size);

/// Same as imgcodec_png_decode_gray, but the pixels are R, G, B (3 bytes each).
int imgcodec_png_decode_rgb(const uint8_t *data, size_t size, uint64_t max_pixels,
                          imgcodec_gray_image *out, char *message, size_t message_size);

/// Encodes 8-bit pixels (components 1 = gray, 3 = RGB) as a baseline JPEG. *out is malloc'd.
int imgcodec_jpeg_encode(const uint8_t *pixels, int width, int height, int components, int quality,
                       uint8_t **out, size_t *out_size, char *message, size_t message_size);

/// Decodes a JPEG at full scale into caller-owned memory as cairo RGB24 pixels (bytes B, G, R, X
/// on little-endian: libjpeg-turbo's JCS_EXT_BGRX), rows `dst_stride` bytes apart. The image must
/// be exactly `width` × `height` (what the caller read from the header); anything else, and any
/// data error, is reported, never a longjmp past the caller. Used by the printout for logos.
int imgcodec_jpeg_decode_bgrx(const uint8_t *data, size_t size, int width, int height,
                            uint8_t *dst, size_t dst_stride, char *message, size_t message_size);

/// Encodes cairo RGB24 pixels (B, G, R, X bytes), rows `stride` bytes apart, as a baseline JPEG
/// with optimised Huffman tables (4:2:0). *out is malloc'd.
int imgcodec_jpeg_encode_bgrx(const uint8_t *pixels, int width, int height, size_t stride, int quality,
                            uint8_t **out, size_t *out_size, char *message, size_t message_size);

/// Encodes 8-bit pixels (components 1 = gray, 3 = RGB) as a PNG. *out is malloc'd.
int imgcodec_png_encode(const uint8_t *pixels, int width, int height, int components,
                      uint8_t **out, size_t *out_size, char *message, size_t message_size);

/// Resamples `src` (8-bit gray, stride == src_width) into `dst` (width × height, stride == width)
/// through the homography `h` (8 coefficients, h33 = 1) mapping destination pixel centres to
/// source coordinates; bilinear, coordinates clamped to the source. Pixels whose mapping is
/// degenerate are left untouched.
void imgcodec_warp_bilinear(const uint8_t *src, int src_width, int src_height, const float h[8],
                          uint8_t *dst, int width, int height);

/// Frees memory returned by the functions above.
void imgcodec_free(void *pointer);

#endif
