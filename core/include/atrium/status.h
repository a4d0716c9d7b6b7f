// Status says whether an operation succeeded and, if not, what the caller
// should do next. StatusOr<T> carries a T on success.
//
// The core throws nothing across its API: every function that can fail on
// its input returns one of these. Codes follow what the caller does next:
//   kInvalidArgument    fix the input; retrying the same input fails again
//   kNotFound           the named thing does not exist
//   kAlreadyExists      the key is taken by something different
//   kFailedPrecondition the state does not allow it now (e.g. too few points)
//   kOutOfRange         a value or date lies outside what is supported
//   kResourceExhausted  a limit or stock is used up
//   kPermissionDenied   the caller may not touch this object
//   kUnavailable        try again later (the store is busy or failing)
//   kDataLoss           stored data contradicts itself
//   kInternal           a bug: report it
#ifndef ATRIUM_STATUS_H_
#define ATRIUM_STATUS_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace atrium {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kOutOfRange,
  kResourceExhausted,
  kPermissionDenied,
  kUnavailable,
  kDataLoss,
  kInternal,
};

std::string_view StatusCodeName(StatusCode code);
// The code StatusCodeName gives `name`; kInternal for a name it never gives.
StatusCode StatusCodeNamed(std::string_view name);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: phone must have 11 digits", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) {
  return {StatusCode::kInvalidArgument, std::move(m)};
}
inline Status NotFound(std::string m) {
  return {StatusCode::kNotFound, std::move(m)};
}
inline Status AlreadyExists(std::string m) {
  return {StatusCode::kAlreadyExists, std::move(m)};
}
inline Status FailedPrecondition(std::string m) {
  return {StatusCode::kFailedPrecondition, std::move(m)};
}
inline Status OutOfRange(std::string m) {
  return {StatusCode::kOutOfRange, std::move(m)};
}
inline Status ResourceExhausted(std::string m) {
  return {StatusCode::kResourceExhausted, std::move(m)};
}
inline Status PermissionDenied(std::string m) {
  return {StatusCode::kPermissionDenied, std::move(m)};
}
inline Status Unavailable(std::string m) {
  return {StatusCode::kUnavailable, std::move(m)};
}
inline Status DataLoss(std::string m) {
  return {StatusCode::kDataLoss, std::move(m)};
}

// Holds either a value or a non-OK Status. Reading value() of a failed
// StatusOr is a bug; check ok() first.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok())
      status_ = Status(StatusCode::kInternal, "OK without value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  const T& operator*() const& { return *value_; }
  T& operator*() & { return *value_; }
  const T* operator->() const { return &*value_; }
  T* operator->() { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace atrium

// Returns early from the enclosing function when `expr` is not OK.
#define ATRIUM_RETURN_IF_ERROR(expr)                 \
  do {                                               \
    ::atrium::Status atrium_status_ = (expr);        \
    if (!atrium_status_.ok()) return atrium_status_; \
  } while (0)

#endif  // ATRIUM_STATUS_H_
