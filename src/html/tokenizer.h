// A streaming HTML5 tokenizer that keeps what text extraction needs: tags
// with their attributes, text with character references decoded, and the
// raw-text (script, style) and RCDATA (title, textarea) rules. Comments,
// doctypes and processing instructions are skipped; CDATA sections are text
// in foreign content (svg, math) and skipped elsewhere, as HTML5 says.
// It never fails: any byte sequence tokenizes, in time linear in its length.
// One Tokenizer per input; not thread-safe. Views in a Token stay valid only
// until the next call to Next().
#ifndef WHOSAID_HTML_TOKENIZER_H_
#define WHOSAID_HTML_TOKENIZER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

struct HtmlAttribute {
  std::string_view name;   // Lowercase.
  std::string_view value;  // Character references decoded.
};

struct HtmlToken {
  enum class Type { kStartTag, kEndTag, kText };
  Type type = Type::kText;
  std::string_view name;  // Lowercase tag name for tags.
  std::vector<HtmlAttribute> attributes;  // Start tags only; first wins.
  bool self_closing = false;
  std::string_view text;  // Text tokens: decoded text (may span many lines).
  size_t offset = 0;      // Byte offset of the token in the input.
};

class HtmlTokenizer {
 public:
  // REQUIRES: html outlives the tokenizer.
  explicit HtmlTokenizer(std::string_view html) : in_(html) {}

  // Reads the next token into *token. Returns false at the end of input.
  bool Next(HtmlToken* token);

  // Tells the tokenizer whether the tree builder is inside svg/math, where
  // CDATA sections are text and <style>/<title> are ordinary elements.
  void set_foreign(bool foreign) { foreign_ = foreign; }

 private:
  enum class Mode { kData, kRawText, kRcData, kPlainText };
  bool ReadMarkup(HtmlToken* token);
  bool ReadStartTag(HtmlToken* token);
  bool ReadEndTag(HtmlToken* token);
  void ReadAttributes(HtmlToken* token);
  bool ReadRawText(HtmlToken* token);
  void SkipPast(std::string_view terminator);
  void EmitText(std::string_view raw, bool decode, HtmlToken* token);

  std::string_view in_;
  size_t pos_ = 0;
  Mode mode_ = Mode::kData;
  bool foreign_ = false;
  std::string raw_end_tag_;  // The element whose end closes raw text.
  std::string name_buf_;
  std::string text_buf_;
  std::string attr_buf_;
  std::vector<size_t> attr_offsets_;  // name start, name end, value start, value end.
};

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_TOKENIZER_H_
