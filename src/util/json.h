// A small JSON writer and reader for whosaid's own records, crawler JSONL and
// the evaluation files. The reader builds a tree; it is for records of a few
// megabytes, not for streaming gigabytes. Not thread-safe per object.
#ifndef WHOSAID_UTIL_JSON_H_
#define WHOSAID_UTIL_JSON_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "whosaid/status.h"

namespace whosaid::internal {

// Appends s to *out as a JSON string literal, quotes included. Control
// characters and the characters < > & are escaped, so the result is also
// safe inside an HTML <script>.
void AppendJsonString(std::string_view s, std::string* out);

// Builds compact JSON. Calls must nest correctly; commas are automatic.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}
  void BeginObject() { Sep(); out_->push_back('{'); first_ = true; }
  void EndObject() { out_->push_back('}'); first_ = false; }
  void BeginArray() { Sep(); out_->push_back('['); first_ = true; }
  void EndArray() { out_->push_back(']'); first_ = false; }
  void Key(std::string_view k) { Sep(); AppendJsonString(k, out_); out_->push_back(':'); first_ = true; }
  void String(std::string_view s) { Sep(); AppendJsonString(s, out_); }
  void Int(int64_t v) { Sep(); out_->append(std::to_string(v)); }
  void Double(double v);
  void Bool(bool v) { Sep(); out_->append(v ? "true" : "false"); }
  void Null() { Sep(); out_->append("null"); }
  // Appends json, one complete value already written in compact form
  // (e.g. by a hot loop appending directly), as the next value.
  void Raw(std::string_view json) { Sep(); out_->append(json); }

 private:
  void Sep() { if (!first_) out_->push_back(','); first_ = false; }
  std::string* out_;
  bool first_ = true;
};

// Re-indents compact JSON for people to read.
std::string PrettyJson(std::string_view compact);

// A parsed JSON value.
class JsonValue {
 public:
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type() const { return type_; }
  bool is_null() const { return type_ == Type::kNull; }
  bool is_string() const { return type_ == Type::kString; }
  bool is_number() const { return type_ == Type::kNumber; }
  bool is_array() const { return type_ == Type::kArray; }
  bool is_object() const { return type_ == Type::kObject; }
  bool as_bool() const { return bool_; }
  double as_number() const { return number_; }
  const std::string& as_string() const { return string_; }
  const std::vector<JsonValue>& items() const { return items_; }
  const std::vector<std::pair<std::string, JsonValue>>& members() const { return members_; }
  // Returns the member named key, or nullptr.
  const JsonValue* Find(std::string_view key) const;
  // Returns the member's string, or "" when absent or not a string.
  std::string GetString(std::string_view key) const;

 private:
  friend class JsonParser;
  Type type_ = Type::kNull;
  bool bool_ = false;
  double number_ = 0;
  std::string string_;
  std::vector<JsonValue> items_;
  std::vector<std::pair<std::string, JsonValue>> members_;
};

// Parses one JSON text. On failure the status gives the byte offset and why.
StatusOr<JsonValue> ParseJson(std::string_view text);

}  // namespace whosaid::internal

#endif  // WHOSAID_UTIL_JSON_H_
