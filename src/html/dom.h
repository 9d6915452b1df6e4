// A compact HTML document tree built from HtmlTokenizer tokens with the
// HTML5 tree-construction rules that shape text: implied end tags (p, li,
// dt/dd, options, table parts, headings), void elements, end tags that
// cannot close across block or table boundaries, and a single html/head/body.
// Nodes live in one vector and refer to each other by index; text lives in
// one string. Only attributes extraction reads are kept. Depth is capped so
// that walking the tree never recurses without bound.
// Immutable after Parse(); safe to read from several threads.
#ifndef WHOSAID_HTML_DOM_H_
#define WHOSAID_HTML_DOM_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

enum class Tag : uint8_t {
  kDocument, kText, kUnknown,
  kHtml, kHead, kBody, kTitle, kMeta, kLink, kBase, kScript, kStyle, kNoscript, kTemplate,
  kIframe, kSvg, kMath, kTextarea, kSelect, kOption, kOptgroup, kButton, kInput, kForm,
  kLabel, kNav, kAside, kFooter, kHeader, kMain, kArticle, kSection, kDiv, kP, kSpan, kA,
  kB, kI, kEm, kStrong, kU, kS, kSmall, kSup, kSub, kBr, kHr, kWbr, kImg, kFigure,
  kFigcaption, kPicture, kSource, kVideo, kAudio, kCanvas, kObject, kEmbed, kH1, kH2, kH3,
  kH4, kH5, kH6, kUl, kOl, kLi, kDl, kDt, kDd, kBlockquote, kPre, kCode, kTable, kCaption,
  kThead, kTbody, kTfoot, kTr, kTd, kTh, kTime, kAddress, kFont, kCenter, kDetails,
  kSummary, kFieldset, kLegend, kMenu, kDialog, kArea, kCol, kColgroup, kParam, kTrack,
  kHgroup, kXmp, kPlaintext, kNoembed, kNoframes, kCite, kQ, kAbbr, kMark, kIns, kDel,
  kListing, kDir, kMarquee, kApplet,
  kCount
};

// Returns the Tag for a lowercase tag name, kUnknown for others.
Tag TagFromName(std::string_view name);
const char* TagName(Tag tag);

struct HtmlNode {
  Tag tag = Tag::kDocument;
  int32_t parent = -1;
  int32_t first_child = -1;
  int32_t last_child = -1;
  int32_t next_sibling = -1;
  uint32_t text_begin = 0;  // Text nodes: their text in HtmlDocument::text().
  uint32_t text_size = 0;
  uint32_t attr_begin = 0;  // Elements: index of the first kept attribute.
  uint32_t attr_count = 0;
};

class HtmlDocument {
 public:
  // Parses any bytes; never fails. Text is kept as given (the caller makes
  // it UTF-8 first).
  static HtmlDocument Parse(std::string_view html);

  static constexpr int32_t kRoot = 0;
  static constexpr int kMaxDepth = 256;

  const HtmlNode& node(int32_t i) const { return nodes_[i]; }
  int32_t size() const { return static_cast<int32_t>(nodes_.size()); }
  // Returns a text node's text.
  std::string_view Text(const HtmlNode& n) const {
    return std::string_view(pool_).substr(n.text_begin, n.text_size);
  }
  // Returns the value of attribute `name` (lowercase), or "" when absent.
  std::string_view Attribute(const HtmlNode& n, std::string_view name) const;
  bool HasAttribute(const HtmlNode& n, std::string_view name) const;
  // Appends the text under node i, with no whitespace handling.
  void AppendRawText(int32_t i, std::string* out) const;
  // The first element with this tag in document order, or -1.
  int32_t FindFirst(Tag tag) const;

 private:
  friend class HtmlTreeBuilder;
  struct AttrRef {
    uint32_t name_begin, name_size, value_begin, value_size;
  };
  std::vector<HtmlNode> nodes_;
  std::vector<AttrRef> attrs_;
  std::string pool_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_HTML_DOM_H_
