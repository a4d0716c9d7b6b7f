// What atrium-kiosk measures of itself for --measure-frames and
// --measure-idle: CPU time, not wall time (a frame's wall time under Xvfb
// is the software rasteriser's, not the kiosk's).
#ifndef ATRIUM_KIOSK_APP_MEASURE_H_
#define ATRIUM_KIOSK_APP_MEASURE_H_

#include <cstdint>
#include <vector>

namespace atrium::kiosk {

// CPU time of this thread, and of the whole process, in microseconds.
int64_t ThreadCpuUs();
int64_t ProcessCpuUs();
// Prints the median, the 99th percentile and the maximum of `us`, in
// milliseconds.
void PrintFigures(const char* what, std::vector<int64_t> us);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_MEASURE_H_
