// Tests for identity across articles, in both directions: names that are one
// person merge, and people who only share a surname do not.
#include "src/store/person_identity.h"

#include <gtest/gtest.h>

#include "src/store/text_signature.h"

namespace whosaid::internal {
namespace {

KnownPerson Known(int64_t id, const char* name, std::vector<std::string> titles = {}) {
  return KnownPerson{id, ParsePersonName(name, false), std::move(titles)};
}

// NormalizeName as first written: NormalizedWords joined by single spaces.
std::string JoinedWords(std::string_view name) {
  std::string out;
  for (const std::string& w : NormalizedWords(name)) {
    if (!out.empty()) out.push_back(' ');
    out += w;
  }
  return out;
}

TEST(PersonIdentity, NormalizeNameJoinsNormalizedWords) {
  static const char* const kNames[] = {
      "", "  ", "Mark  Rutte,", " NATO chief Mark Rutte ", "U.S. President Joseph R. Biden Jr.",
      "O'Brien-Smith (D-N.Y.)", "...", "Agence France-Presse", "3M Co.", "x", "A.B.C",
      "Jos\xC3\xA9 Mar\xC3\xAD" "a Aznar", "\xE2\x80\x9CRutte\xE2\x80\x9D", "Nicol\xC3\xA1s \xE2\x80\x94 Maduro"};
  for (const char* name : kNames) EXPECT_EQ(NormalizeName(name), JoinedWords(name)) << name;
  EXPECT_EQ(NormalizeName("Mark  Rutte,"), "mark rutte");
}

TEST(PersonIdentity, ParsesTitlesAndSuffixes) {
  PersonName p = ParsePersonName("NATO chief Mark Rutte", false);
  EXPECT_EQ(p.display, "Mark Rutte");
  EXPECT_EQ(p.leading_title, "NATO chief");
  EXPECT_EQ(p.first, "mark");
  EXPECT_EQ(p.surname, "rutte");
  PersonName q = ParsePersonName("U.S. President Joseph R. Biden Jr.", false);
  EXPECT_EQ(q.display, "Joseph R. Biden");
  EXPECT_EQ(q.surname, "biden");
  EXPECT_EQ(ParsePersonName("Rutte", false).first, "");
}

TEST(PersonIdentity, SurnameAndTitledNameMatchTheFullName) {
  std::vector<KnownPerson> known = {Known(1, "Mark Rutte", {"NATO Secretary General"})};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Rutte", false), {}, known), 1);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("NATO chief Mark Rutte", false), {"NATO chief"}, known), 1);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("M. Rutte", false), {}, known), 1);
}

TEST(PersonIdentity, FullNameUpgradesAKnownSurnameAlone) {
  std::vector<KnownPerson> known = {Known(7, "Rutte", {"NATO chief"})};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Mark Rutte", false), {}, known), 7);
}

TEST(PersonIdentity, ConflictingFirstNamesAreNotMerged) {
  std::vector<KnownPerson> known = {Known(1, "Boris Johnson")};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Lyndon Johnson", false), {}, known), 0);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Bill Clinton", false), {}, {Known(2, "Hillary Clinton")}), 0);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Bill Clinton", false), {}, {Known(3, "William Clinton")}), 3);
}

TEST(PersonIdentity, ConflictingTitlesKeepASurnameApart) {
  std::vector<KnownPerson> known = {Known(1, "Ron Johnson", {"Senator"})};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Johnson", false), {"Prime Minister"}, known), 0);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Johnson", false), {"Wisconsin Senator"}, known), 1);
}

TEST(PersonIdentity, AmbiguousSurnameIsNotMerged) {
  std::vector<KnownPerson> known = {Known(1, "Boris Johnson"), Known(2, "Lyndon Johnson")};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Johnson", false), {}, known), 0);
  // A surname alone is not upgraded once two first names share it.
  std::vector<KnownPerson> bucket = {Known(1, "Boris Johnson"), Known(3, "Johnson")};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Lyndon Johnson", false), {}, bucket), 0);
}

TEST(PersonIdentity, TitlesSingleOutOneOfSeveral) {
  std::vector<KnownPerson> known = {Known(1, "Boris Johnson", {"Prime Minister"}),
                                    Known(2, "Ron Johnson", {"Senator"})};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Johnson", false), {"British Prime Minister"}, known), 1);
}

TEST(PersonIdentity, OrganisationsMatchOnlyByWholeName) {
  KnownPerson reuters{1, ParsePersonName("Reuters", true), {}};
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Reuters", true), {}, {reuters}), 1);
  EXPECT_EQ(MatchKnownPerson(ParsePersonName("Reuters", false), {}, {reuters}), 0);
}

}  // namespace
}  // namespace whosaid::internal
