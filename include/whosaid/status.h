// Status and StatusOr<T>: how every whosaid call reports failure. The library
// throws nothing across its API. A Status is cheap to copy when ok().
// Thread-safety: immutable after construction, safe to share.
#ifndef WHOSAID_STATUS_H_
#define WHOSAID_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace whosaid {

class Status {
 public:
  enum class Code {
    kOk = 0,
    kInvalidArgument,  // Bad input: malformed data, a bad flag value.
    kNotFound,         // A file or record that does not exist.
    kIoError,          // The operating system refused a read or a write.
    kCorruption,       // Data that should parse but does not.
    kUnsupported,      // Valid data of a kind whosaid does not handle.
    kInternal,         // A bug in whosaid.
  };

  // Creates an ok status.
  Status() = default;

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) { return Status(Code::kInvalidArgument, std::move(msg)); }
  static Status NotFound(std::string msg) { return Status(Code::kNotFound, std::move(msg)); }
  static Status IoError(std::string msg) { return Status(Code::kIoError, std::move(msg)); }
  static Status Corruption(std::string msg) { return Status(Code::kCorruption, std::move(msg)); }
  static Status Unsupported(std::string msg) { return Status(Code::kUnsupported, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(Code::kInternal, std::move(msg)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  // Returns the message, which names the input and the offending part.
  const std::string& message() const { return message_; }
  // Returns "OK" or "<code name>: <message>".
  std::string ToString() const;

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// Holds either a value or a non-ok Status.
template <typename T>
class StatusOr {
 public:
  // REQUIRES: !status.ok()
  StatusOr(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT
  StatusOr(T value) : value_(std::move(value)) {}                                  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace whosaid

#endif  // WHOSAID_STATUS_H_
