#include "cli.h"

#include <iostream>
#include <iterator>

#include "atrium/codec/mall_files.h"

namespace atrium::cli {

StatusOr<codec::Json> ReadInput(const Flags& flags) {
  std::string text;
  if (!flags.in.empty()) {
    StatusOr<std::string> file = codec::ReadFile(flags.in);
    if (!file.ok()) return file.status();
    text = std::move(*file);
  } else {
    text.assign(std::istreambuf_iterator<char>(std::cin),
                std::istreambuf_iterator<char>());
  }
  return codec::ParseJson(text);
}

int PrintJson(const codec::Json& j) {
  std::cout << j.dump(2, ' ', false, codec::Json::error_handler_t::replace)
            << "\n";
  return 0;
}

int Fail(const Status& status) {
  codec::Json j = {{"error",
                    {{"code", std::string(StatusCodeName(status.code()))},
                     {"message", status.message()}}}};
  PrintJson(j);
  return 2;
}

}  // namespace atrium::cli
