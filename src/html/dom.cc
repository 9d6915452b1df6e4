// Tree construction. This is a simplification of the HTML5 algorithm that
// keeps its effect on text: where HTML5 would reparent (adoption agency,
// foster parenting) we keep the nesting as written, which changes markup
// structure but not which text belongs to which block.
#include "src/html/dom.h"

#include <array>
#include <unordered_map>

#include "src/html/tokenizer.h"

namespace whosaid::internal {
namespace {

constexpr std::array<const char*, static_cast<size_t>(Tag::kCount)> kTagNames = {
    "#document", "#text", "#unknown",
    "html", "head", "body", "title", "meta", "link", "base", "script", "style", "noscript",
    "template", "iframe", "svg", "math", "textarea", "select", "option", "optgroup", "button",
    "input", "form", "label", "nav", "aside", "footer", "header", "main", "article", "section",
    "div", "p", "span", "a", "b", "i", "em", "strong", "u", "s", "small", "sup", "sub", "br",
    "hr", "wbr", "img", "figure", "figcaption", "picture", "source", "video", "audio",
    "canvas", "object", "embed", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl",
    "dt", "dd", "blockquote", "pre", "code", "table", "caption", "thead", "tbody", "tfoot",
    "tr", "td", "th", "time", "address", "font", "center", "details", "summary", "fieldset",
    "legend", "menu", "dialog", "area", "col", "colgroup", "param", "track", "hgroup", "xmp",
    "plaintext", "noembed", "noframes", "cite", "q", "abbr", "mark", "ins", "del", "listing",
    "dir", "marquee", "applet"};

const std::unordered_map<std::string_view, Tag>& TagTable() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Tag>();
    for (size_t i = 3; i < kTagNames.size(); ++i) t->emplace(kTagNames[i], static_cast<Tag>(i));
    return t;
  }();
  return *table;
}

// Attributes that metadata and content extraction read; others are dropped.
bool KeepAttribute(std::string_view name) {
  switch (name.size()) {
    case 2: return name == "id";
    case 3: return name == "rel";
    case 4: return name == "href" || name == "name" || name == "lang" || name == "type" || name == "role";
    case 5: return name == "class" || name == "style";
    case 6: return name == "hidden";
    case 7: return name == "content" || name == "charset";
    case 8: return name == "property" || name == "itemprop" || name == "datetime" || name == "itemtype";
    case 10: return name == "http-equiv";
    case 11: return name == "aria-hidden";
    default: return false;
  }
}

bool IsVoid(Tag t) {
  switch (t) {
    case Tag::kArea: case Tag::kBase: case Tag::kBr: case Tag::kCol: case Tag::kEmbed:
    case Tag::kHr: case Tag::kImg: case Tag::kInput: case Tag::kLink: case Tag::kMeta:
    case Tag::kParam: case Tag::kSource: case Tag::kTrack: case Tag::kWbr:
      return true;
    default:
      return false;
  }
}

// Start tags that close an open <p>.
bool ClosesP(Tag t) {
  switch (t) {
    case Tag::kAddress: case Tag::kArticle: case Tag::kAside: case Tag::kBlockquote:
    case Tag::kCenter: case Tag::kDetails: case Tag::kDialog: case Tag::kDir: case Tag::kDiv:
    case Tag::kDl: case Tag::kFieldset: case Tag::kFigcaption: case Tag::kFigure:
    case Tag::kFooter: case Tag::kForm: case Tag::kHeader: case Tag::kHgroup: case Tag::kHr:
    case Tag::kMain: case Tag::kMenu: case Tag::kNav: case Tag::kOl: case Tag::kP:
    case Tag::kSection: case Tag::kSummary: case Tag::kUl: case Tag::kH1: case Tag::kH2:
    case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kPre:
    case Tag::kListing: case Tag::kTable: case Tag::kLi: case Tag::kDt: case Tag::kDd:
    case Tag::kXmp: case Tag::kPlaintext:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

// Elements an end tag of another element cannot close across.
bool IsScopeBoundary(Tag t) {
  switch (t) {
    case Tag::kHtml: case Tag::kTable: case Tag::kTd: case Tag::kTh: case Tag::kCaption:
    case Tag::kTemplate: case Tag::kObject: case Tag::kMarquee: case Tag::kApplet:
    case Tag::kSvg: case Tag::kMath: case Tag::kDocument:
      return true;
    default:
      return false;
  }
}

// Block-level ("special") elements: an inline end tag stops at them.
bool IsSpecial(Tag t) {
  return ClosesP(t) || IsScopeBoundary(t) || t == Tag::kBody || t == Tag::kHead ||
         t == Tag::kTr || t == Tag::kTbody || t == Tag::kThead || t == Tag::kTfoot ||
         t == Tag::kSelect || t == Tag::kButton || t == Tag::kIframe || t == Tag::kNoscript;
}

}  // namespace

Tag TagFromName(std::string_view name) {
  const auto& table = TagTable();
  auto it = table.find(name);
  return it == table.end() ? Tag::kUnknown : it->second;
}

const char* TagName(Tag tag) { return kTagNames[static_cast<size_t>(tag)]; }

class HtmlTreeBuilder {
 public:
  explicit HtmlTreeBuilder(HtmlDocument* doc) : doc_(doc) {
    doc_->nodes_.emplace_back();  // The document node.
    stack_.push_back(HtmlDocument::kRoot);
  }

  void Build(std::string_view html) {
    HtmlTokenizer tokenizer(html);
    HtmlToken token;
    while (tokenizer.Next(&token)) {
      switch (token.type) {
        case HtmlToken::Type::kText: OnText(token.text); break;
        case HtmlToken::Type::kStartTag: OnStartTag(token); break;
        case HtmlToken::Type::kEndTag: OnEndTag(TagFromName(token.name)); break;
      }
      tokenizer.set_foreign(foreign_depth_ > 0);
    }
  }

 private:
  Tag Current() const { return doc_->nodes_[stack_.back()].tag; }

  int32_t Append(Tag tag) {
    auto& nodes = doc_->nodes_;
    int32_t id = static_cast<int32_t>(nodes.size());
    int32_t parent = stack_.back();
    nodes.emplace_back();
    HtmlNode& n = nodes.back();
    n.tag = tag;
    n.parent = parent;
    HtmlNode& p = nodes[parent];
    if (p.last_child >= 0) nodes[p.last_child].next_sibling = id; else p.first_child = id;
    p.last_child = id;
    return id;
  }

  void OnText(std::string_view text) {
    Tag cur = Current();
    if (cur == Tag::kStyle || cur == Tag::kNoscript || cur == Tag::kIframe ||
        cur == Tag::kNoembed || cur == Tag::kNoframes || cur == Tag::kTemplate) {
      return;  // Never shown as text.
    }
    if (cur == Tag::kScript && !keep_script_text_) return;
    auto& nodes = doc_->nodes_;
    std::string& pool = doc_->pool_;
    int32_t last = nodes[stack_.back()].last_child;
    if (last >= 0 && nodes[last].tag == Tag::kText &&
        nodes[last].text_begin + nodes[last].text_size == pool.size()) {
      pool.append(text);
      nodes[last].text_size += static_cast<uint32_t>(text.size());
      return;
    }
    int32_t id = Append(Tag::kText);
    nodes[id].text_begin = static_cast<uint32_t>(pool.size());
    nodes[id].text_size = static_cast<uint32_t>(text.size());
    pool.append(text);
  }

  // Pops up to and including the topmost `tag` if it is open before any
  // element for which stop() holds. Returns whether it was found.
  template <typename Stop>
  bool CloseIfOpen(Tag tag, Stop stop) {
    for (size_t i = stack_.size(); i-- > 1;) {
      Tag t = doc_->nodes_[stack_[i]].tag;
      if (t == tag) {
        PopTo(i);
        return true;
      }
      if (stop(t)) return false;
    }
    return false;
  }

  void PopTo(size_t index) {
    while (stack_.size() > index) {
      Tag t = doc_->nodes_[stack_.back()].tag;
      if (t == Tag::kSvg || t == Tag::kMath) --foreign_depth_;
      stack_.pop_back();
    }
    keep_script_text_ = false;
  }

  void CloseImplied(Tag tag) {
    if (foreign_depth_ > 0) return;
    if (ClosesP(tag)) CloseIfOpen(Tag::kP, [](Tag t) { return IsScopeBoundary(t) || t == Tag::kButton; });
    switch (tag) {
      case Tag::kLi:
        CloseIfOpen(Tag::kLi, [](Tag t) { return IsScopeBoundary(t) || t == Tag::kUl || t == Tag::kOl; });
        break;
      case Tag::kDt: case Tag::kDd: {
        auto stop = [](Tag t) { return IsScopeBoundary(t) || t == Tag::kDl; };
        if (!CloseIfOpen(Tag::kDt, stop)) CloseIfOpen(Tag::kDd, stop);
        break;
      }
      case Tag::kOption: case Tag::kOptgroup:
        if (Current() == Tag::kOption) PopTo(stack_.size() - 1);
        if (tag == Tag::kOptgroup && Current() == Tag::kOptgroup) PopTo(stack_.size() - 1);
        break;
      case Tag::kTr: case Tag::kThead: case Tag::kTbody: case Tag::kTfoot: {
        auto stop = [](Tag t) { return t == Tag::kTable || t == Tag::kDocument || t == Tag::kHtml; };
        if (!CloseIfOpen(Tag::kTd, stop)) CloseIfOpen(Tag::kTh, stop);
        CloseIfOpen(Tag::kTr, stop);
        if (tag != Tag::kTr) {
          if (!CloseIfOpen(Tag::kTbody, stop) && !CloseIfOpen(Tag::kThead, stop)) CloseIfOpen(Tag::kTfoot, stop);
        }
        break;
      }
      case Tag::kTd: case Tag::kTh: {
        auto stop = [](Tag t) { return t == Tag::kTr || t == Tag::kTable || t == Tag::kDocument; };
        if (!CloseIfOpen(Tag::kTd, stop)) CloseIfOpen(Tag::kTh, stop);
        break;
      }
      case Tag::kA:
        CloseIfOpen(Tag::kA, [](Tag t) { return IsScopeBoundary(t); });
        break;
      default:
        if (IsHeading(tag) && IsHeading(Current())) PopTo(stack_.size() - 1);
        break;
    }
  }

  void OnStartTag(const HtmlToken& token) {
    Tag tag = TagFromName(token.name);
    if (tag == Tag::kHtml || tag == Tag::kHead || tag == Tag::kBody) {
      int32_t& seen = tag == Tag::kHtml ? html_ : tag == Tag::kHead ? head_ : body_;
      if (seen >= 0) return;
      if (tag == Tag::kBody && head_ >= 0) CloseIfOpen(Tag::kHead, IsScopeBoundary);
      seen = OpenElement(tag, token);
      return;
    }
    CloseImplied(tag);
    int32_t id = OpenElement(tag, token);
    if (tag == Tag::kScript) {
      std::string_view type = doc_->Attribute(doc_->nodes_[id], "type");
      keep_script_text_ = type.find("ld+json") != std::string_view::npos;
    }
  }

  int32_t OpenElement(Tag tag, const HtmlToken& token) {
    int32_t id = Append(tag);
    HtmlNode& n = doc_->nodes_[id];
    n.attr_begin = static_cast<uint32_t>(doc_->attrs_.size());
    for (const HtmlAttribute& a : token.attributes) {
      if (!KeepAttribute(a.name)) continue;
      std::string& pool = doc_->pool_;
      HtmlDocument::AttrRef ref;
      ref.name_begin = static_cast<uint32_t>(pool.size());
      ref.name_size = static_cast<uint32_t>(a.name.size());
      pool.append(a.name);
      ref.value_begin = static_cast<uint32_t>(pool.size());
      ref.value_size = static_cast<uint32_t>(a.value.size());
      pool.append(a.value);
      doc_->attrs_.push_back(ref);
    }
    n.attr_count = static_cast<uint32_t>(doc_->attrs_.size()) - n.attr_begin;
    bool foreign = foreign_depth_ > 0 || tag == Tag::kSvg || tag == Tag::kMath;
    bool leaf = IsVoid(tag) || (foreign && token.self_closing);
    if (!leaf && static_cast<int>(stack_.size()) < HtmlDocument::kMaxDepth) {
      stack_.push_back(id);
      if (tag == Tag::kSvg || tag == Tag::kMath) ++foreign_depth_;
    }
    return id;
  }

  void OnEndTag(Tag tag) {
    if (tag == Tag::kBody || tag == Tag::kHtml) return;  // Keep later content in body.
    if (tag == Tag::kBr) {
      Append(Tag::kBr);
      return;
    }
    if (tag == Tag::kUnknown) {
      // Custom elements close to the nearest unknown element, inline-like.
      CloseIfOpen(Tag::kUnknown, IsSpecial);
      return;
    }
    if (IsSpecial(tag)) {
      CloseIfOpen(tag, [tag](Tag t) { return IsScopeBoundary(t) && t != tag; });
    } else {
      CloseIfOpen(tag, IsSpecial);
    }
  }

  HtmlDocument* doc_;
  std::vector<int32_t> stack_;
  int32_t html_ = -1, head_ = -1, body_ = -1;
  int foreign_depth_ = 0;
  bool keep_script_text_ = false;
};

HtmlDocument HtmlDocument::Parse(std::string_view html) {
  HtmlDocument doc;
  doc.nodes_.reserve(html.size() / 40 + 16);
  doc.pool_.reserve(html.size() / 3 + 16);
  HtmlTreeBuilder builder(&doc);
  builder.Build(html);
  return doc;
}

std::string_view HtmlDocument::Attribute(const HtmlNode& n, std::string_view name) const {
  for (uint32_t i = 0; i < n.attr_count; ++i) {
    const AttrRef& a = attrs_[n.attr_begin + i];
    if (std::string_view(pool_).substr(a.name_begin, a.name_size) == name) {
      return std::string_view(pool_).substr(a.value_begin, a.value_size);
    }
  }
  return {};
}

bool HtmlDocument::HasAttribute(const HtmlNode& n, std::string_view name) const {
  for (uint32_t i = 0; i < n.attr_count; ++i) {
    const AttrRef& a = attrs_[n.attr_begin + i];
    if (std::string_view(pool_).substr(a.name_begin, a.name_size) == name) return true;
  }
  return false;
}

void HtmlDocument::AppendRawText(int32_t i, std::string* out) const {
  // Iterative walk: depth is capped, but recursion is avoided anyway.
  int32_t cur = nodes_[i].first_child;
  if (nodes_[i].tag == Tag::kText) {
    out->append(Text(nodes_[i]));
    return;
  }
  while (cur >= 0) {
    const HtmlNode& n = nodes_[cur];
    if (n.tag == Tag::kText) out->append(Text(n));
    if (n.first_child >= 0) {
      cur = n.first_child;
      continue;
    }
    while (cur >= 0 && cur != i && nodes_[cur].next_sibling < 0) cur = nodes_[cur].parent;
    if (cur < 0 || cur == i) break;
    cur = nodes_[cur].next_sibling;
  }
}

int32_t HtmlDocument::FindFirst(Tag tag) const {
  for (int32_t i = 0; i < size(); ++i) {
    if (nodes_[i].tag == tag) return i;
  }
  return -1;
}

}  // namespace whosaid::internal
