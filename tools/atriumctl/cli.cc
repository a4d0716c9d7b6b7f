#include "cli.h"

#include <iostream>
#include <iterator>

#include "atrium/codec/mall_files.h"

namespace atrium::cli {

StatusOr<Args> Args::Parse(const std::vector<std::string>& argv,
                           const std::vector<std::string>& switches) {
  Args args;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0)
      return InvalidArgument("unexpected argument " + a);
    const std::string name = a.substr(2);
    if (args.Has(name)) return InvalidArgument("repeated flag " + a);
    bool is_switch = false;
    for (const std::string& s : switches) is_switch = is_switch || s == name;
    if (is_switch) {
      args.values_[name] = "true";
    } else if (i + 1 < argv.size()) {
      args.values_[name] = argv[++i];
    } else {
      return InvalidArgument("flag " + a + " needs a value");
    }
  }
  return args;
}

std::string Args::Get(const std::string& name,
                      const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

StatusOr<codec::Json> ReadInput(const Args& args) {
  std::string text;
  if (args.Has("in")) {
    StatusOr<std::string> file = codec::ReadFile(args.Get("in", ""));
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
