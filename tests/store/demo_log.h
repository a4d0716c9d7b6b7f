// The operation log of the demo programme in a test's directory: opened
// again over the same file, it replays what was stored.
#ifndef ATRIUM_TESTS_STORE_DEMO_LOG_H_
#define ATRIUM_TESTS_STORE_DEMO_LOG_H_

#include <gtest/gtest.h>

#include <memory>

#include "atrium/store/op_log.h"
#include "shared_files.h"
#include "temp_dir.h"

namespace atrium::testing {

// Null, and the test failed, if the log does not open.
inline std::unique_ptr<store::OpLog> OpenDemoLog(const TempDir& dir) {
  StatusOr<std::unique_ptr<store::OpLog>> log =
      store::OpLog::Open(dir.File("atrium.db"), DemoProgram());
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(*log) : nullptr;
}

}  // namespace atrium::testing

#endif  // ATRIUM_TESTS_STORE_DEMO_LOG_H_
