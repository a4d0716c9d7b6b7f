#include "atrium/codec/json_reader.h"

#include <algorithm>
#include <cstdio>

namespace atrium::codec {
namespace {

bool TwoDigits(std::string_view s, int32_t* out) {
  if (s.size() < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9') {
    return false;
  }
  *out = (s[0] - '0') * 10 + (s[1] - '0');
  return true;
}

// "a.b" from "a" and "b"; "b" from "" and "b".
std::string Join(const std::string& path, std::string_view key) {
  std::string out = path;
  if (!out.empty()) out.push_back('.');
  out.append(key);
  return out;
}

const Json& EmptyObject() {
  static const Json* empty = new Json(Json::object());
  return *empty;
}

}  // namespace

int JsonDepth(std::string_view text, int limit) {
  int depth = 0;
  int deepest = 0;
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;  // the escaped character, whatever it is
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
      if (deepest > limit) return deepest;
    } else if (c == ']' || c == '}') {
      --depth;  // unbalanced text is the parser's to refuse
    }
  }
  return deepest;
}

StatusOr<Json> ParseJson(std::string_view text) {
  if (text.size() > kMaxJsonBytes) {
    return InvalidArgument("JSON input is larger than 8 MiB");
  }
  if (JsonDepth(text, kMaxJsonDepth) > kMaxJsonDepth) {
    return InvalidArgument("JSON input nests deeper than 64 levels");
  }
  Json j = Json::parse(text.begin(), text.end(), nullptr,
                       /*allow_exceptions=*/false);
  if (j.is_discarded()) return InvalidArgument("input is not valid JSON");
  return j;
}

JsonReader::JsonReader(const Json& j, std::string path)
    : JsonReader(&j, std::move(path), std::make_shared<Status>()) {}

JsonReader::JsonReader(const Json* j, std::string path,
                       std::shared_ptr<Status> sink)
    : j_(j), path_(std::move(path)), sink_(std::move(sink)) {
  if (!j_->is_object()) {
    if (sink_->ok()) *sink_ = InvalidArgument(path_ + " must be an object");
    j_ = &EmptyObject();
  }
}

void JsonReader::Fail(std::string_view key, std::string_view message) {
  if (!sink_->ok()) return;
  std::string where = key.empty() ? path_ : Join(path_, key);
  where.append(": ").append(message);
  *sink_ = InvalidArgument(std::move(where));
}

bool JsonReader::Has(std::string_view key) const {
  return j_->find(key) != j_->end();
}

const Json* JsonReader::Get(std::string_view key, bool required) {
  read_.emplace_back(key);
  auto it = j_->find(key);
  if (it == j_->end() || it->is_null()) {
    if (required) Fail(key, "is required");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::Str(std::string_view key) {
  const Json* v = Get(key, true);
  if (v == nullptr) return {};
  if (!v->is_string()) {
    Fail(key, "must be a string");
    return {};
  }
  return v->get_ref<const std::string&>();
}

std::string JsonReader::OptStr(std::string_view key, std::string fallback) {
  if (Get(key, false) == nullptr) return fallback;
  return Str(key);
}

int64_t JsonReader::Int(std::string_view key, int64_t min, int64_t max) {
  const Json* v = Get(key, true);
  if (v == nullptr) return min;
  int64_t out = 0;
  if (v->is_number_unsigned()) {
    const uint64_t u = v->get<uint64_t>();
    out = u > static_cast<uint64_t>(INT64_MAX) ? INT64_MAX
                                               : static_cast<int64_t>(u);
  } else if (v->is_number_integer()) {
    out = v->get<int64_t>();
  } else {
    Fail(key, "must be an integer");
    return min;
  }
  if (out < min || out > max) {
    Fail(key,
         "must lie in " + std::to_string(min) + ".." + std::to_string(max));
    return min;
  }
  return out;
}

int64_t JsonReader::OptInt(std::string_view key, int64_t fallback, int64_t min,
                           int64_t max) {
  return Get(key, false) == nullptr ? fallback : Int(key, min, max);
}

bool JsonReader::OptBool(std::string_view key, bool fallback) {
  const Json* v = Get(key, false);
  if (v == nullptr) return fallback;
  if (!v->is_boolean()) {
    Fail(key, "must be true or false");
    return fallback;
  }
  return v->get<bool>();
}

Money JsonReader::Fen(std::string_view key, Money min) {
  return Money::Fen(Int(key, min.fen(), kMaxAmount.fen()));
}

Timestamp JsonReader::Time(std::string_view key) {
  const std::string text = Str(key);
  if (!ok()) return {};
  StatusOr<Timestamp> t = ParseIso8601(text);
  if (!t.ok()) {
    Fail(key, t.status().message());
    return {};
  }
  return *t;
}

std::optional<Timestamp> JsonReader::OptTime(std::string_view key) {
  if (Get(key, false) == nullptr) return std::nullopt;
  return Time(key);
}

std::vector<Date> JsonReader::Dates(std::string_view key, size_t max_items) {
  std::vector<Date> out;
  for (const std::string& d : Strs(key, max_items)) {
    StatusOr<Date> date = ParseDate(d);
    if (!date.ok()) {
      Fail(key, date.status().message());
      return {};
    }
    out.push_back(*date);
  }
  return out;
}

int32_t JsonReader::OptTimeOfDay(std::string_view key, int32_t fallback) {
  if (!Has(key)) return fallback;
  StatusOr<int32_t> t = ParseTimeOfDay(Str(key));
  if (!t.ok()) Fail(key, t.status().message());
  return t.ok() ? *t : fallback;
}

std::vector<std::string> JsonReader::Strs(std::string_view key,
                                          size_t max_items) {
  std::vector<std::string> out;
  const Json* v = Get(key, false);
  if (v == nullptr) return out;
  if (!v->is_array() || v->size() > max_items) {
    Fail(key, "must be an array of at most " + std::to_string(max_items) +
                  " strings");
    return out;
  }
  for (const Json& item : *v) {
    if (!item.is_string()) {
      Fail(key, "must hold only strings");
      return {};
    }
    out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<int64_t> JsonReader::Ints(std::string_view key, size_t max_items,
                                      int64_t min, int64_t max) {
  std::vector<int64_t> out;
  const Json* v = Get(key, false);
  if (v == nullptr) return out;
  if (!v->is_array() || v->size() > max_items) {
    Fail(key, "must be an array of at most " + std::to_string(max_items) +
                  " integers");
    return out;
  }
  for (const Json& item : *v) {
    if (!item.is_number_integer() || item.get<int64_t>() < min ||
        item.get<int64_t>() > max) {
      Fail(key, "must hold integers in " + std::to_string(min) + ".." +
                    std::to_string(max));
      return {};
    }
    out.push_back(item.get<int64_t>());
  }
  return out;
}

JsonReader JsonReader::Object(std::string_view key) {
  const Json* v = Get(key, true);
  return JsonReader(v == nullptr ? &EmptyObject() : v, Join(path_, key), sink_);
}

std::vector<JsonReader> JsonReader::Objects(std::string_view key,
                                            size_t max_items, bool required) {
  std::vector<JsonReader> out;
  const Json* v = Get(key, required);
  if (v == nullptr) return out;
  if (!v->is_array() || v->size() > max_items) {
    Fail(key, "must be an array of at most " + std::to_string(max_items) +
                  " objects");
    return out;
  }
  const std::string base = Join(path_, key);
  for (size_t i = 0; i < v->size(); ++i) {
    out.push_back(
        JsonReader(&(*v)[i], base + "[" + std::to_string(i) + "]", sink_));
  }
  return out;
}

void JsonReader::Finish() {
  for (auto it = j_->begin(); it != j_->end(); ++it) {
    if (std::find(read_.begin(), read_.end(), it.key()) == read_.end()) {
      Fail(it.key(), "is not a known field");
      return;
    }
  }
}

StatusOr<int32_t> ParseUtcOffset(std::string_view text) {
  int32_t h = 0, m = 0;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') ||
      !TwoDigits(text.substr(1), &h) || text[3] != ':' ||
      !TwoDigits(text.substr(4), &m) || h > 14 || m > 59) {
    return InvalidArgument("UTC offset must look like +08:00");
  }
  return (text[0] == '+' ? 1 : -1) * (h * 3600 + m * 60);
}

StatusOr<int32_t> ParseTimeOfDay(std::string_view text) {
  int32_t h = 0, m = 0, sec = 0;
  const bool shape = (text.size() == 5 || (text.size() == 8 && text[5] == ':' &&
                                           TwoDigits(text.substr(6), &sec))) &&
                     TwoDigits(text, &h) && text[2] == ':' &&
                     TwoDigits(text.substr(3), &m);
  if (!shape || m > 59 || sec > 59 || h > 24 ||
      (h == 24 && (m != 0 || sec != 0))) {
    return InvalidArgument("time of day must look like 22:00 or 22:00:30");
  }
  return h * 3600 + m * 60 + sec;
}

std::string FormatUtcOffset(int32_t seconds) {
  const int32_t a = seconds < 0 ? -seconds : seconds;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", seconds < 0 ? '-' : '+',
                a / 3600, a / 60 % 60);
  return buf;
}

std::string FormatTimeOfDay(int32_t seconds) {
  char buf[16];
  if (seconds % 60 == 0) {
    std::snprintf(buf, sizeof buf, "%02d:%02d", seconds / 3600,
                  seconds / 60 % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", seconds / 3600,
                  seconds / 60 % 60, seconds % 60);
  }
  return buf;
}

}  // namespace atrium::codec
