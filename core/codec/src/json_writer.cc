#include "atrium/codec/json_writer.h"

#include <charconv>

namespace atrium::codec {
namespace {

// Plain ASCII that JSON takes as it is: no control characters, quotes or
// backslashes. Anything else goes through nlohmann's escaping.
bool Plain(const std::string& s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

void AppendString(const std::string& s, std::string& out) {
  if (Plain(s)) {
    out += '"';
    out += s;
    out += '"';
    return;
  }
  out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
}

template <typename Int>
void AppendInt(Int v, std::string& out) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

void AppendCompactJson(const Json& j, std::string& out) {
  switch (j.type()) {
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, value] : j.get_ref<const Json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        AppendString(key, out);
        out += ':';
        AppendCompactJson(value, out);
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& v : j) {
        if (!first) out += ',';
        first = false;
        AppendCompactJson(v, out);
      }
      out += ']';
      return;
    }
    case Json::value_t::string:
      AppendString(j.get_ref<const std::string&>(), out);
      return;
    case Json::value_t::number_integer:
      AppendInt(j.get<int64_t>(), out);
      return;
    case Json::value_t::number_unsigned:
      AppendInt(j.get<uint64_t>(), out);
      return;
    case Json::value_t::boolean:
      out += j.get<bool>() ? "true" : "false";
      return;
    case Json::value_t::null: out += "null"; return;
    default:  // floats, binary, discarded: rare, and nlohmann's own format
      out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
      return;
  }
}

}  // namespace atrium::codec
