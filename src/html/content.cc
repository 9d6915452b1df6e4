// Content extraction in three passes over the node array (which is in
// document order, so every subtree is a contiguous range):
//  1. mark what is never body (scripts, navigation, hidden nodes, and nodes
//     whose class or id names page furniture: comments, share bars, ...);
//  2. score each paragraph by length and commas and credit its ancestors,
//     then pick the best-scoring container, adjusted for link density, and
//     the siblings that belong with it;
//  3. write out the text of that container, leaving out sub-blocks that look
//     like furniture (many links, few paragraphs, negative class names).
#include "src/html/content.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "src/html/metadata.h"

namespace whosaid::internal {
namespace {

bool Contains(std::string_view hay, std::string_view needle) {
  return hay.find(needle) != std::string_view::npos;
}

// Splits a lowercase class/id string into words at non-alphanumerics.
bool HasWord(std::string_view s, std::string_view word) {
  size_t pos = 0;
  while ((pos = s.find(word, pos)) != std::string_view::npos) {
    bool left = pos == 0 || !std::isalnum(static_cast<unsigned char>(s[pos - 1]));
    size_t end = pos + word.size();
    bool right = end == s.size() || !std::isalnum(static_cast<unsigned char>(s[end]));
    if (left && right) return true;
    pos = end;
  }
  return false;
}

// Class and id fragments that name page furniture rather than body text.
constexpr std::string_view kFurniture[] = {
    "comment", "disqus", "share", "sharing", "social", "related", "recommend", "sidebar",
    "banner", "cookie", "consent", "gdpr", "newsletter", "subscribe", "subscription", "signup",
    "sign-up", "footer", "breadcrumb", "pagination", "pager", "sponsor", "advert", "promo",
    "popup", "modal", "outbrain", "taboola", "masthead", "skip-link", "toolbar",
    "popular", "trending", "community", "remark", "replies", "shoutbox", "supplemental",
    "skyscraper", "ad-break", "agegate", "login", "read-more", "more-stories", "jump-link",
    "byline", "dateline", "credit", "author-info", "author-bio", "tag-list", "taglist", "rss"};
// Matched as whole words (between non-alphanumerics): as substrings they
// occur inside names of content ("ad" in "shadow", "menu" in the
// "CtxtMenu_Attached" class MathJax puts on every equation).
constexpr std::string_view kFurnitureWords[] = {"ad", "ads", "nav", "navbar", "menu", "tags",
                                                "widget", "header", "extra", "print", "hidden",
                                                "meta"};
// Fragments that keep a node despite a furniture name ("article-share" is
// furniture, "article-body" is not: body wins only against weak names).
constexpr std::string_view kContentNames[] = {"article", "body", "content", "main", "column",
                                              "story", "entry", "post-text"};

constexpr std::string_view kPositive[] = {"article", "body", "content", "entry", "hentry",
                                          "h-entry", "main", "page", "post", "text", "blog",
                                          "story"};
constexpr std::string_view kNegative[] = {
    "hidden", "banner", "combx", "comment", "com-", "contact", "foot", "masthead", "media",
    "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
    "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "byline", "credit",
    "social", "newsletter", "subscribe"};

bool IsBlock(Tag t) {
  switch (t) {
    case Tag::kP: case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kMain:
    case Tag::kHeader: case Tag::kFooter: case Tag::kH1: case Tag::kH2: case Tag::kH3:
    case Tag::kH4: case Tag::kH5: case Tag::kH6: case Tag::kUl: case Tag::kOl: case Tag::kLi:
    case Tag::kDl: case Tag::kDt: case Tag::kDd: case Tag::kBlockquote: case Tag::kPre:
    case Tag::kTable: case Tag::kTr: case Tag::kTd: case Tag::kTh: case Tag::kCaption:
    case Tag::kFigure: case Tag::kFigcaption: case Tag::kAddress: case Tag::kDetails:
    case Tag::kSummary: case Tag::kHr: case Tag::kBr: case Tag::kCenter: case Tag::kFieldset:
    case Tag::kForm: case Tag::kHgroup: case Tag::kTbody: case Tag::kThead: case Tag::kTfoot:
    case Tag::kListing: case Tag::kMenu: case Tag::kAside: case Tag::kNav:
      return true;
    default:
      return false;
  }
}

bool IsHeading(Tag t) { return t >= Tag::kH1 && t <= Tag::kH6; }

std::string NormalizedKey(std::string_view s) {
  std::string out;
  for (char c : CollapseWhitespace(s)) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

class ContentExtractor {
 public:
  ContentExtractor(const HtmlDocument& doc, const ContentOptions& options)
      : doc_(doc), n_(doc.size()) {
    for (const std::string& t : options.title_variants) {
      std::string key = NormalizedKey(t);
      if (!key.empty()) titles_.push_back(key);
    }
  }

  // With strict, nodes with furniture names are removed before scoring.
  std::vector<std::string> Run(bool strict) {
    if (n_ <= 1) return {};
    strict_ = strict;
    best_scored_ = -1;
    Prepare();
    ScoreParagraphs();
    int32_t top = PickTop();
    std::vector<std::string> paragraphs;
    for (int32_t node : Siblings(top)) Emit(node, &paragraphs);
    return paragraphs;
  }

 private:
  std::string Names(int32_t i) const {
    const HtmlNode& n = doc_.node(i);
    std::string s(doc_.Attribute(n, "class"));
    s.push_back(' ');
    s += doc_.Attribute(n, "id");
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  // schema.org microdata marks the article body explicitly.
  bool IsMarkedBody(const HtmlNode& n) const {
    std::string_view itemprop = doc_.Attribute(n, "itemprop");
    return !itemprop.empty() && (Contains(itemprop, "articleBody") || Contains(itemprop, "articlebody"));
  }

  bool IsFurniture(int32_t i) const {
    const HtmlNode& n = doc_.node(i);
    if (n.attr_count == 0 || IsMarkedBody(n)) return false;
    std::string names = Names(i);
    if (names.size() <= 1) return false;
    bool furniture = false;
    for (std::string_view f : kFurniture) furniture = furniture || Contains(names, f);
    for (std::string_view w : kFurnitureWords) furniture = furniture || HasWord(names, w);
    if (!furniture) return false;
    for (std::string_view c : kContentNames) {
      if (Contains(names, c)) return false;
    }
    return true;
  }

  bool IsHidden(const HtmlNode& n) const {
    if (n.attr_count == 0) return false;
    if (doc_.HasAttribute(n, "hidden") || doc_.Attribute(n, "aria-hidden") == "true") return true;
    std::string_view style = doc_.Attribute(n, "style");
    if (!style.empty()) {
      std::string compact;
      for (char c : style) if (c != ' ') compact.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      if (Contains(compact, "display:none") || Contains(compact, "visibility:hidden")) return true;
    }
    std::string_view role = doc_.Attribute(n, "role");
    return role == "navigation" || role == "banner" || role == "contentinfo" || role == "menu" ||
           role == "menubar" || role == "dialog" || role == "alertdialog" || role == "search" ||
           role == "complementary";
  }

  static bool MayBeFurniture(Tag t) {
    switch (t) {
      case Tag::kText: case Tag::kDocument: case Tag::kHtml: case Tag::kBody: case Tag::kArticle:
      case Tag::kMain: case Tag::kA:
        return false;
      default:
        return true;
    }
  }

  bool NeverBody(int32_t i) const {
    const HtmlNode& n = doc_.node(i);
    switch (n.tag) {
      case Tag::kHead: case Tag::kTitle: case Tag::kScript: case Tag::kStyle: case Tag::kNoscript:
      case Tag::kTemplate: case Tag::kSvg: case Tag::kIframe: case Tag::kTextarea:
      case Tag::kSelect: case Tag::kButton: case Tag::kInput: case Tag::kNav: case Tag::kAside:
      case Tag::kFooter: case Tag::kObject: case Tag::kEmbed: case Tag::kCanvas: case Tag::kVideo:
      case Tag::kAudio: case Tag::kDialog: case Tag::kMenu: case Tag::kLabel:
        return true;
      case Tag::kHeader:
        // A page's header is furniture; an article's header holds its
        // headline (dropped as the title) and standfirst, which is body.
        return !InArticle(i) || IsHidden(n);
      case Tag::kText: case Tag::kDocument: case Tag::kHtml: case Tag::kBody: case Tag::kArticle:
      case Tag::kMain: case Tag::kA:
        return false;
      default:
        break;
    }
    return IsHidden(n);
  }

  bool InArticle(int32_t i) const {
    for (int32_t a = doc_.node(i).parent; a > 0; a = doc_.node(a).parent) {
      if (doc_.node(a).tag == Tag::kArticle || IsMarkedBody(doc_.node(a))) return true;
    }
    return false;
  }

  // Furniture names that never label article text, however much of it
  // there is: reader comments read like prose, and so do widgets, promos
  // and slideshow captions.
  bool IsStrongFurniture(int32_t i) const {
    static constexpr std::string_view kStrong[] = {
        "comment", "disqus", "repl", "remark", "shoutbox", "community", "respon", "discussion",
        "forum", "widget", "advert", "sponsor", "promo", "related", "recommend", "sidebar",
        "popular", "trending", "newsletter", "subscri", "cookie", "consent", "banner", "popup",
        "modal", "outbrain", "taboola", "footer", "login", "signup", "gallery", "slide"};
    std::string names = Names(i);
    for (std::string_view k : kStrong) {
      if (Contains(names, k)) return true;
    }
    return HasWord(names, "ad") || HasWord(names, "ads") || HasWord(names, "nav") ||
           HasWord(names, "menu");
  }

  // A furniture name on a block of prose ("read-more" wrapping the rest of
  // a story behind a fold, a "share" id on the body wrapper) loses to what
  // the block holds: several paragraphs of text with few links.
  bool ProseOutweighsName(int32_t i) const {
    return paras_[i] >= 3 && text_[i] >= 800 && LinkDensity(i) < 0.2 && !IsStrongFurniture(i);
  }

  void Prepare() {
    end_.assign(n_, 0);
    removed_.assign(n_, 0);
    text_.assign(n_, 0);
    links_.assign(n_, 0);
    commas_.assign(n_, 0);
    paras_.assign(n_, 0);
    imgs_.assign(n_, 0);
    lis_.assign(n_, 0);
    inputs_.assign(n_, 0);
    pre_text_.assign(n_, 0);
    has_block_.assign(n_, 0);
    score_.assign(n_, 0);
    candidate_.assign(n_, 0);
    for (int32_t i = 1; i < n_; ++i) {
      int32_t p = doc_.node(i).parent;
      removed_[i] = removed_[p] || NeverBody(i);
    }
    CountSubtrees();
    if (strict_) RemoveFurniture();
    CountHeadings();
  }

  // Headings per subtree, and how many of them are mostly a link: a block
  // of linked headings is a list of teasers for other stories.
  void CountHeadings() {
    headings_.assign(n_, 0);
    linked_headings_.assign(n_, 0);
    for (int32_t i = 1; i < n_; ++i) {
      if (removed_[i]) {
        i = end_[i] - 1;
        continue;
      }
      if (!IsHeading(doc_.node(i).tag) || text_[i] == 0) continue;
      bool linked = LinkDensity(i) > 0.5;
      for (int32_t a = doc_.node(i).parent; a >= 0; a = doc_.node(a).parent) {
        headings_[a] += 1;
        linked_headings_[a] += linked;
      }
    }
  }

  void RemoveFurniture() {
    // Furniture by name, outermost first, judged on what the node holds;
    // a removed node's counts are taken back from its ancestors.
    for (int32_t i = 1; i < n_; ++i) {
      if (removed_[i]) {
        i = end_[i] - 1;
        continue;
      }
      if (!MayBeFurniture(doc_.node(i).tag) || !IsFurniture(i) || ProseOutweighsName(i)) continue;
      for (int32_t k = i; k < end_[i]; ++k) removed_[k] = 1;
      for (int32_t a = doc_.node(i).parent; a >= 0; a = doc_.node(a).parent) {
        text_[a] -= text_[i];
        links_[a] -= links_[i];
        commas_[a] -= commas_[i];
        paras_[a] -= paras_[i];
        imgs_[a] -= imgs_[i];
        lis_[a] -= lis_[i];
        pre_text_[a] -= pre_text_[i];
      }
      i = end_[i] - 1;
    }
  }

  // Sums text, link, comma and element counts over each subtree, leaving
  // out removed nodes (except form inputs, which always count against a
  // block).
  void CountSubtrees() {
    for (int32_t i = n_ - 1; i >= 0; --i) {
      const HtmlNode& n = doc_.node(i);
      end_[i] = n.last_child >= 0 ? end_[n.last_child] : i + 1;
      if (n.tag == Tag::kText && !removed_[i]) {
        std::string_view t = doc_.Text(n);
        int32_t len = 0, commas = 0;
        for (char c : t) {
          len += !(c == ' ' || c == '\n' || c == '\t' || c == '\r');
          commas += c == ',';
        }
        text_[i] = len;
        commas_[i] = commas;
      }
      switch (n.tag) {
        case Tag::kP: paras_[i] += 1; break;
        case Tag::kImg: imgs_[i] += 1; break;
        case Tag::kLi: lis_[i] += 1; break;
        case Tag::kInput: case Tag::kSelect: case Tag::kTextarea: case Tag::kButton: inputs_[i] += 1; break;
        default: break;
      }
      if (n.tag == Tag::kA) links_[i] = text_[i];
      if (n.tag == Tag::kPre) pre_text_[i] = text_[i];
      if (i > 0 && !removed_[i]) {
        int32_t p = n.parent;
        text_[p] += text_[i];
        links_[p] += links_[i];
        commas_[p] += commas_[i];
        paras_[p] += paras_[i];
        imgs_[p] += imgs_[i];
        lis_[p] += lis_[i];
        inputs_[p] += inputs_[i];
        pre_text_[p] += pre_text_[i];
        if (IsBlock(n.tag)) has_block_[p] = 1;
      } else if (i > 0) {
        inputs_[n.parent] += inputs_[i];
      }
    }
  }

  double LinkDensity(int32_t i) const {
    return text_[i] == 0 ? 0.0 : static_cast<double>(links_[i]) / text_[i];
  }

  double ClassWeight(int32_t i) const {
    if (doc_.node(i).attr_count == 0) return 0;
    std::string names = Names(i);
    if (names.size() <= 1) return 0;
    double w = 0;
    for (std::string_view k : kNegative) {
      if (Contains(names, k)) { w -= 25; break; }
    }
    for (std::string_view k : kPositive) {
      if (Contains(names, k)) { w += 25; break; }
    }
    if (IsMarkedBody(doc_.node(i))) w = std::max(w, 0.0) + 25;
    return w;
  }

  void InitCandidate(int32_t i) {
    if (candidate_[i]) return;
    candidate_[i] = 1;
    double base = 0;
    switch (doc_.node(i).tag) {
      case Tag::kDiv: case Tag::kArticle: case Tag::kMain: case Tag::kSection: base = 5; break;
      case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: base = 3; break;
      case Tag::kAddress: case Tag::kOl: case Tag::kUl: case Tag::kDl: case Tag::kDd:
      case Tag::kDt: case Tag::kLi: case Tag::kForm: base = -3; break;
      case Tag::kH1: case Tag::kH2: case Tag::kH3: case Tag::kH4: case Tag::kH5: case Tag::kH6:
      case Tag::kTh: base = -5; break;
      default: break;
    }
    score_[i] = base + ClassWeight(i);
  }

  bool IsParagraphLike(int32_t i) const {
    switch (doc_.node(i).tag) {
      case Tag::kP: case Tag::kPre: case Tag::kTd: case Tag::kBlockquote: return true;
      case Tag::kDiv: case Tag::kSection: case Tag::kArticle: case Tag::kSpan: case Tag::kLi:
        return !has_block_[i];
      default: return false;
    }
  }

  void ScoreParagraphs() {
    for (int32_t i = 1; i < n_; ++i) {
      if (removed_[i]) {
        i = end_[i] - 1;
        continue;
      }
      if (!IsParagraphLike(i) || text_[i] < 25) continue;
      double s = 1 + commas_[i] + std::min(3, text_[i] / 100);
      int32_t a = doc_.node(i).parent;
      for (int level = 0; a > 0 && level < 5; ++level, a = doc_.node(a).parent) {
        Tag t = doc_.node(a).tag;
        if (t == Tag::kHtml || t == Tag::kDocument) break;
        InitCandidate(a);
        score_[a] += level == 0 ? s : level == 1 ? s / 2 : s / (level * 3);
      }
      // A block of text that is itself a paragraph should not outrank its
      // parent, so paragraphs themselves are not candidates.
    }
    for (int32_t i = 0; i < n_; ++i) {
      if (candidate_[i]) score_[i] *= 1 - LinkDensity(i);
    }
  }

  int32_t PickTop() {
    std::vector<int32_t> best;
    for (int32_t i = 0; i < n_; ++i) {
      if (!candidate_[i] || removed_[i]) continue;
      best.push_back(i);
    }
    int32_t body = doc_.FindFirst(Tag::kBody);
    if (body < 0) body = HtmlDocument::kRoot;
    if (best.empty()) return body;
    std::stable_sort(best.begin(), best.end(), [&](int32_t a, int32_t b) { return score_[a] > score_[b]; });
    if (best.size() > 5) best.resize(5);
    int32_t top = best[0];
    best_scored_ = top;
    // When several strong candidates share an ancestor, the article is
    // split across them: take the ancestor.
    std::vector<int32_t> alternatives;
    for (size_t k = 1; k < best.size(); ++k) {
      if (score_[best[k]] >= 0.75 * score_[top]) alternatives.push_back(best[k]);
    }
    if (alternatives.size() >= 2) {
      for (int32_t a = doc_.node(top).parent; a > 0 && doc_.node(a).tag != Tag::kBody; a = doc_.node(a).parent) {
        int contained = 0;
        for (int32_t alt : alternatives) contained += alt > a && alt < end_[a];
        if (contained >= 2) {
          top = a;
          break;
        }
      }
    }
    if (!candidate_[top]) InitCandidate(top);
    // Move up while the parent holds more of the article than the node.
    double last = score_[top];
    for (int32_t p = doc_.node(top).parent; p > 0 && doc_.node(p).tag != Tag::kBody; p = doc_.node(p).parent) {
      if (!candidate_[p]) continue;
      if (score_[p] < last / 3) break;
      if (score_[p] > last) {
        top = p;
        break;
      }
      last = score_[p];
    }
    // A lone child says nothing its parent does not.
    while (doc_.node(top).tag != Tag::kBody && doc_.node(top).parent > 0 &&
           doc_.node(doc_.node(top).parent).tag != Tag::kBody &&
           doc_.node(doc_.node(top).parent).tag != Tag::kHtml) {
      int32_t p = doc_.node(top).parent;
      int elements = 0;
      for (int32_t c = doc_.node(p).first_child; c >= 0; c = doc_.node(c).next_sibling) {
        elements += doc_.node(c).tag != Tag::kText || text_[c] > 0;
      }
      if (elements != 1) break;
      if (!candidate_[p]) { InitCandidate(p); score_[p] = score_[top]; }
      top = p;
    }
    return top;
  }

  std::vector<int32_t> Siblings(int32_t top) const {
    int32_t parent = doc_.node(top).parent;
    if (parent <= 0 || doc_.node(top).tag == Tag::kBody) return {top};
    double threshold = std::max(10.0, score_[top] * 0.2);
    std::string top_class(doc_.Attribute(doc_.node(top), "class"));
    std::vector<int32_t> out;
    for (int32_t s = doc_.node(parent).first_child; s >= 0; s = doc_.node(s).next_sibling) {
      if (s == top) { out.push_back(s); continue; }
      if (removed_[s] || doc_.node(s).tag == Tag::kText) continue;
      double bonus = !top_class.empty() && doc_.Attribute(doc_.node(s), "class") == top_class ? score_[top] * 0.2 : 0;
      if (candidate_[s] && score_[s] + bonus >= threshold) { out.push_back(s); continue; }
      // The article's own header (others are removed): its standfirst.
      if (doc_.node(s).tag == Tag::kHeader && s < top) { out.push_back(s); continue; }
      if (doc_.node(s).tag == Tag::kP || (doc_.node(s).tag == Tag::kDiv && IsParagraphLike(s))) {
        double ld = LinkDensity(s);
        if (text_[s] > 80 && ld < 0.25) { out.push_back(s); continue; }
        if (text_[s] > 0 && text_[s] <= 80 && ld == 0) {
          std::string t;
          doc_.AppendRawText(s, &t);
          if (Contains(t, ". ") || (!t.empty() && t.back() == '.')) out.push_back(s);
        }
      }
    }
    AddContinuations(&out);
    return out;
  }

  std::string_view FirstClass(int32_t i) const {
    std::string_view c = doc_.Attribute(doc_.node(i), "class");
    size_t b = c.find_first_not_of(" \t\n");
    if (b == std::string_view::npos) return {};
    c.remove_prefix(b);
    return c.substr(0, c.find_first_of(" \t\n"));
  }

  // Templates that break a story around a full-width figure or pull quote
  // repeat the body block's class for each part, often several levels
  // apart. Candidates with the top's exact class, with prose and few
  // links, are parts of the same story.
  void AddContinuations(std::vector<int32_t>* out) const {
    if (best_scored_ < 0) return;
    // The first class token names the block; later ones number or theme
    // it ("story-body story-body-2").
    std::string_view top_class = FirstClass(best_scored_);
    if (top_class.empty()) return;
    double threshold = std::max(10.0, score_[best_scored_] * 0.2);
    auto covered = [&](int32_t i) {
      for (int32_t o : *out) {
        if ((i >= o && i < end_[o]) || (o >= i && o < end_[i])) return true;
      }
      return false;
    };
    size_t before = out->size();
    for (int32_t i = 1; i < n_; ++i) {
      if (removed_[i]) {
        i = end_[i] - 1;
        continue;
      }
      if (!candidate_[i] || score_[i] < threshold || LinkDensity(i) > 0.25 || text_[i] < 500 ||
          paras_[i] < 2) {
        continue;
      }
      if (FirstClass(i) != top_class || covered(i)) continue;
      out->push_back(i);
      i = end_[i] - 1;
    }
    if (out->size() > before) std::sort(out->begin(), out->end());
  }

  // Conditional cleaning: a sub-block inside the chosen content that looks
  // like furniture.
  bool DropBlock(int32_t i) const {
    const HtmlNode& n = doc_.node(i);
    Tag t = n.tag;
    if (IsHeading(t)) {
      if (t <= Tag::kH2 && IsTitle(i)) return true;
      // A linked heading is an item in a list of picks when the article
      // holds it, a teaser when a block of them does (see below).
      return ClassWeight(i) < 0;
    }
    if (t == Tag::kP && IsTitle(i)) return true;
    bool checked = t == Tag::kForm || t == Tag::kFieldset || t == Tag::kTable || t == Tag::kUl ||
                   t == Tag::kOl || t == Tag::kDiv || t == Tag::kSection || t == Tag::kFigure ||
                   t == Tag::kDl;
    if (!checked) return false;
    // The block holding the best-scoring text is the article's own.
    if (best_scored_ >= i && best_scored_ < end_[i]) return false;
    double weight = ClassWeight(i);
    bool list = t == Tag::kUl || t == Tag::kOl;
    if (weight < 0 || (weight + score_[i] < 0 && !list)) return true;
    if (linked_headings_[i] >= 3 && 2 * linked_headings_[i] >= headings_[i] &&
        paras_[i] <= 2 * linked_headings_[i]) {
      return true;
    }
    if (commas_[i] >= 10) return false;
    double ld = LinkDensity(i);
    int32_t p = paras_[i];
    int32_t img = imgs_[i];
    int32_t li = lis_[i] - 100;
    if (img > 1 && static_cast<double>(p) / img < 0.5 && text_[i] < 200) return true;
    if (!list && li > p) return true;
    // A code listing keeps its "Copy" button company.
    if (inputs_[i] > p / 3 && inputs_[i] > 0 && 2 * pre_text_[i] < text_[i]) return true;
    if (!list && text_[i] < 25 && (img == 0 || img > 2) && t != Tag::kFigure && !IsShortBodyBlock(i)) return true;
    if (weight < 25 && ld > 0.2 && !(list && ld < 0.5 && text_[i] > 200) && !(list && IsProseList(i))) return true;
    if (weight >= 25 && ld > 0.5) return true;
    return false;
  }

  // A short block with no links, images or controls that holds a heading,
  // a table cell's value or a sentence ("“Let me think about it.”"): body
  // split into one block per line, not an empty slot or a label.
  bool IsShortBodyBlock(int32_t i) const {
    if (text_[i] == 0 || links_[i] > 0 || imgs_[i] > 0 || inputs_[i] > 0) return false;
    if (headings_[i] > 0) return true;
    Tag parent = doc_.node(doc_.node(i).parent).tag;
    if (parent == Tag::kTd || parent == Tag::kTh) return true;
    std::string visible;
    for (int32_t k = i + 1; k < end_[i]; ++k) {
      if (removed_[k]) {
        k = end_[k] - 1;
        continue;
      }
      if (doc_.node(k).tag == Tag::kText) visible.append(doc_.Text(doc_.node(k)));
    }
    size_t last = visible.find_last_not_of(" \t\r\n");
    if (last == std::string::npos) return false;
    std::string_view tail = std::string_view(visible).substr(0, last + 1);
    static constexpr std::string_view kEnds[] = {".", "!", "?", "\"", "]", "\xE2\x80\x9D" /* ” */,
                                                 "\xE2\x80\xA6" /* … */};
    for (std::string_view e : kEnds) {
      if (tail.size() >= e.size() && tail.substr(tail.size() - e.size()) == e) return true;
    }
    return false;
  }

  // A list whose items are mostly sentences that carry a link ("gero
  // <a>removed the windowtype attribute</a> from dialogs ...") is part of
  // the story however dense its links; a list of links to other stories
  // has items that are all link.
  bool IsProseList(int32_t i) const {
    int items = 0, prose = 0;
    for (int32_t c = doc_.node(i).first_child; c >= 0; c = doc_.node(c).next_sibling) {
      if (doc_.node(c).tag != Tag::kLi || removed_[c]) continue;
      ++items;
      int32_t own = text_[c] - links_[c];
      prose += text_[c] >= 40 && own >= 10 && 4 * own >= text_[c];
    }
    return items > 0 && 2 * prose >= items;
  }

  bool IsTitle(int32_t i) const {
    if (titles_.empty() || text_[i] > 400) return false;
    std::string t;
    doc_.AppendRawText(i, &t);
    std::string key = NormalizedKey(t);
    return std::find(titles_.begin(), titles_.end(), key) != titles_.end();
  }

  void Flush(std::string* current, std::vector<std::string>* out) const {
    std::string p = CollapseWhitespace(*current);
    current->clear();
    if (!p.empty()) out->push_back(std::move(p));
  }

  // `in_list`: an enclosing list was judged and kept; its sub-lists go
  // with it (an outline's nested items link more than its top level).
  void EmitNode(int32_t i, bool root, bool in_list, std::string* current,
                std::vector<std::string>* out) const {
    const HtmlNode& n = doc_.node(i);
    if (n.tag == Tag::kText) {
      current->append(doc_.Text(n));
      return;
    }
    bool list = n.tag == Tag::kUl || n.tag == Tag::kOl;
    if (removed_[i] || (!root && !(in_list && list) && DropBlock(i))) {
      if (IsBlock(n.tag)) Flush(current, out);
      else current->push_back(' ');
      return;
    }
    bool block = IsBlock(n.tag);
    if (block) Flush(current, out);
    if (n.tag == Tag::kHeader) {
      EmitStandfirst(i, current, out);
      return;
    }
    for (int32_t c = n.first_child; c >= 0; c = doc_.node(c).next_sibling) {
      EmitNode(c, false, in_list || (list && !root), current, out);
    }
    if (block) Flush(current, out);
  }

  // An article's header (kept by NeverBody only inside an article) gives
  // the body its standfirst: blocks of prose, not the headline, kicker,
  // dateline or byline, which are short, linked, headings or <time>.
  void EmitStandfirst(int32_t i, std::string* current, std::vector<std::string>* out) const {
    if (!has_block_[i]) {
      if (IsStandfirst(i)) {
        for (int32_t c = doc_.node(i).first_child; c >= 0; c = doc_.node(c).next_sibling) {
          EmitNode(c, false, false, current, out);
        }
        Flush(current, out);
      }
      return;
    }
    for (int32_t c = doc_.node(i).first_child; c >= 0; c = doc_.node(c).next_sibling) {
      Tag t = doc_.node(c).tag;
      if (t == Tag::kText || removed_[c] || IsHeading(t) || t == Tag::kTime || t == Tag::kHgroup ||
          t == Tag::kFigure || t == Tag::kFigcaption) {
        continue;
      }
      EmitStandfirst(c, current, out);
    }
  }

  bool IsStandfirst(int32_t i) const {
    if (text_[i] < 50 || LinkDensity(i) > 0.3) return false;
    for (int32_t k = i + 1; k < end_[i]; ++k) {
      if (doc_.node(k).tag == Tag::kTime) return false;
    }
    return true;
  }

  void Emit(int32_t node, std::vector<std::string>* out) const {
    std::string current;
    EmitNode(node, true, false, &current, out);
    Flush(&current, out);
  }

  const HtmlDocument& doc_;
  const int32_t n_;
  bool strict_ = true;
  int32_t best_scored_ = -1;  // The highest-scoring candidate before moving up.
  std::vector<std::string> titles_;
  std::vector<int32_t> end_, text_, links_, commas_, paras_, imgs_, lis_, inputs_;
  std::vector<int32_t> pre_text_;  // Text inside <pre> (code, verse).
  std::vector<int32_t> headings_, linked_headings_;
  std::vector<uint8_t> removed_, has_block_, candidate_;
  std::vector<double> score_;
};

}  // namespace

std::vector<std::string> ExtractContent(const HtmlDocument& doc, const ContentOptions& options) {
  // Furniture names sometimes sit on a wrapper of the whole article
  // ("layout-with-sidebar"); when the strict pass finds little, a lenient
  // pass that trusts scoring alone gets another chance.
  constexpr size_t kShort = 500;
  ContentExtractor extractor(doc, options);
  std::vector<std::string> strict = extractor.Run(true);
  size_t strict_size = 0;
  for (const std::string& p : strict) strict_size += p.size();
  if (strict_size >= kShort) return strict;
  std::vector<std::string> lenient = extractor.Run(false);
  size_t lenient_size = 0;
  for (const std::string& p : lenient) lenient_size += p.size();
  return lenient_size > strict_size ? lenient : strict;
}

}  // namespace whosaid::internal
