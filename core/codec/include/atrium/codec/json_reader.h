// JsonReader reads one JSON object field by field without throwing.
//
// Each getter returns the value, or a default after recording an error; the
// first error, naming the field's path ("receipt.lines[2].amount_fen"), is
// kept in a Status shared by the reader and every reader made from it, so
// decoding code reads straight through and checks status() once. Finish()
// also reports fields nobody read, so a typo in a rule file ("multipler")
// is an error rather than a silent default.
//
// It never calls an nlohmann function that can throw, so it works in builds
// without exceptions (wasm).
#ifndef ATRIUM_CODEC_JSON_READER_H_
#define ATRIUM_CODEC_JSON_READER_H_

#include <array>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "atrium/money.h"
#include "atrium/status.h"
#include "atrium/time.h"

namespace atrium::codec {

using Json = nlohmann::json;

// The largest JSON text the codec parses: 8 MiB.
inline constexpr size_t kMaxJsonBytes = 8u << 20;

// The deepest nesting of arrays and objects the codec parses. Nothing we
// read nests past a dozen; the limit keeps a crafted [[[...]]] from
// overflowing the stack in whatever copies or walks the value.
inline constexpr int kMaxJsonDepth = 64;

// Parses `text`; InvalidArgument if it is not JSON, is larger than
// kMaxJsonBytes or nests deeper than kMaxJsonDepth (checked before any
// value is built).
StatusOr<Json> ParseJson(std::string_view text);
// The deepest nesting of arrays and objects in `text`, counted outside
// strings, stopping once past `limit`.
int JsonDepth(std::string_view text, int limit);

class JsonReader {
 public:
  // Reads `j`, which must be an object; `path` names it in errors.
  JsonReader(const Json& j, std::string path);

  std::string Str(std::string_view key);
  std::string OptStr(std::string_view key, std::string fallback = "");
  int64_t Int(std::string_view key, int64_t min, int64_t max);
  int64_t OptInt(std::string_view key, int64_t fallback, int64_t min,
                 int64_t max);
  bool OptBool(std::string_view key, bool fallback);
  // Integer fen in [min, kMaxAmount].
  Money Fen(std::string_view key, Money min = Money());
  Timestamp Time(std::string_view key);
  std::optional<Timestamp> OptTime(std::string_view key);
  // An optional array of strings, at most `max_items`.
  std::vector<std::string> Strs(std::string_view key, size_t max_items);
  std::vector<int64_t> Ints(std::string_view key, size_t max_items, int64_t min,
                            int64_t max);
  // An optional array of "YYYY-MM-DD" dates, at most `max_items`.
  std::vector<Date> Dates(std::string_view key, size_t max_items);
  // An optional "HH:MM" or "HH:MM:SS" time of day, as seconds.
  int32_t OptTimeOfDay(std::string_view key, int32_t fallback);
  // A required object, and an optional or required array of objects.
  JsonReader Object(std::string_view key);
  bool Has(std::string_view key) const;
  std::vector<JsonReader> Objects(std::string_view key, size_t max_items,
                                  bool required);

  // The raw value of `key`, marked read, for another decoder; null when
  // absent (an error if `required`).
  const Json* Raw(std::string_view key, bool required) {
    return Get(key, required);
  }

  // Records `message` against `key` unless an error is already recorded.
  void Fail(std::string_view key, std::string_view message);
  // Checks that every field of the object was read.
  void Finish();
  const Status& status() const { return *sink_; }
  bool ok() const { return sink_->ok(); }

 private:
  JsonReader(const Json* j, std::string path, std::shared_ptr<Status> sink);
  const Json* Get(std::string_view key, bool required);

  const Json* j_;
  std::string path_;
  std::shared_ptr<Status> sink_;
  std::vector<std::string> read_;
};

// "+08:00" -> 28800; "HH:MM" or "HH:MM:SS" -> seconds, "24:00" allowed.
StatusOr<int32_t> ParseUtcOffset(std::string_view text);
StatusOr<int32_t> ParseTimeOfDay(std::string_view text);
std::string FormatUtcOffset(int32_t seconds);
std::string FormatTimeOfDay(int32_t seconds);

// An optional enum field given by name: `names[0]` when absent, an error
// listing the names when unknown.
template <typename E, size_t N>
E ReadEnum(JsonReader& r, std::string_view key,
           const std::array<std::pair<std::string_view, E>, N>& names,
           E fallback) {
  const std::string text = r.OptStr(key, std::string(names[0].first));
  for (const auto& [name, value] : names) {
    if (name == text) return value;
  }
  std::string options;
  for (const auto& [name, value] : names) {
    options += (options.empty() ? "" : ", ") + std::string(name);
  }
  r.Fail(key, "must be one of " + options);
  return fallback;
}

}  // namespace atrium::codec

#endif  // ATRIUM_CODEC_JSON_READER_H_
