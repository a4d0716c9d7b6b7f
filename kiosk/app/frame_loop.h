// The kiosk's frames, until the window closes or a scripted or measured run
// ends: it waits for events while nothing changes (input, a sync, the
// idle timer's next step, an errand done), hands the screen the scanner's
// lines and a script's steps, draws, saves a script's shots, and prints
// the CPU figures of --measure-frames and --measure-idle.
#ifndef ATRIUM_KIOSK_APP_FRAME_LOOP_H_
#define ATRIUM_KIOSK_APP_FRAME_LOOP_H_

#include <GLFW/glfw3.h>

#include <cstdint>
#include <optional>

#include "app/flags.h"
#include "app/script.h"
#include "net/kiosk_replica.h"
#include "ui/kiosk_screen.h"

namespace atrium::kiosk {

// Draws frames; the process's exit code.
int RunFrames(GLFWwindow* window, KioskScreen& screen, KioskReplica& replica,
              std::optional<Script> script, const Flags& flags);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_FRAME_LOOP_H_
