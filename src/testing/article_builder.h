// Test-only: builds Articles by hand so store tests do not depend on the
// attribution engine. Quote contents are located in the text by substring,
// so every span satisfies text == Article::text[start:end].
#ifndef WHOSAID_TESTING_ARTICLE_BUILDER_H_
#define WHOSAID_TESTING_ARTICLE_BUILDER_H_

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "src/util/utf8.h"
#include "whosaid/article.h"

namespace whosaid::testing {

class ArticleBuilder {
 public:
  ArticleBuilder(std::string id, std::string text) {
    article_.id = std::move(id);
    article_.text = std::move(text);
    article_.provenance.file = article_.id;
    article_.provenance.format = "text";
  }
  ArticleBuilder& Url(std::string url) { article_.url = std::move(url); return *this; }
  ArticleBuilder& Date(std::string date) { article_.date = std::move(date); return *this; }
  ArticleBuilder& Publisher(std::string p) { article_.publisher = std::move(p); return *this; }
  ArticleBuilder& Title(std::string t) { article_.title = std::move(t); return *this; }
  ArticleBuilder& AddPerson(std::string local_id, std::string name, std::vector<std::string> titles = {},
                            std::vector<std::string> aliases = {}, bool organization = false) {
    Person p;
    p.id = std::move(local_id);
    p.name = std::move(name);
    p.titles = std::move(titles);
    p.aliases = std::move(aliases);
    p.is_organization = organization;
    article_.people.push_back(std::move(p));
    return *this;
  }
  // Adds a quote whose content is the first occurrence of `content` in the
  // text, spoken by the person with local id speaker ("" for none).
  ArticleBuilder& AddQuote(const std::string& content, const std::string& speaker,
                           QuoteType type = QuoteType::kDirect,
                           std::optional<std::string> addressee = std::nullopt) {
    Quote q;
    q.type = type;
    q.content = Find(content);
    for (const Person& p : article_.people) {
      if (p.id == speaker) {
        q.speaker = p.name;
        q.speaker_id = p.id;
      }
    }
    q.addressee = std::move(addressee);
    article_.quotes.push_back(std::move(q));
    return *this;
  }
  Article Build() const { return article_; }

 private:
  Span Find(const std::string& s) const {
    size_t pos = article_.text.find(s);
    if (pos == std::string::npos) return Span{0, 0, ""};
    int64_t start = internal::CountCodePoints(std::string_view(article_.text).substr(0, pos));
    return Span{start, start + internal::CountCodePoints(s), s};
  }
  Article article_;
};

}  // namespace whosaid::testing

#endif  // WHOSAID_TESTING_ARTICLE_BUILDER_H_
