// The lexical tables (language/lexical.hpp), generated at build time from
// WordNet 3.0 and iso-codes, checked on words of news chosen for these
// tables, in the manner of re2's table tests: each row is {input, what a
// reader of English expects}.
#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "language/lexical.hpp"

namespace language = claimtrail::language;
using language::NounClass;
using language::VerbClass;

TEST_SUITE("language::lexical") {
  TEST_CASE("nouns: what kind of thing a noun can name, through WordNet's hypernyms") {
    enum Kind { person, organisation, place, document, none };
    struct Row {
      std::string_view word;
      Kind kind;         // a sense of this kind (none: no sense of any of the four)
      NounClass first;   // the first sense's class
      bool first_sense;  // the first sense itself is of `kind`
    };
    const Row rows[] = {
        // organisations
        {"ministry", organisation, NounClass::group, true},
        {"company", organisation, NounClass::group, true},
        {"government", organisation, NounClass::group, true},
        {"cabinet", organisation, NounClass::artifact, false},  // first: the cupboard
        {"parliament", organisation, NounClass::group, true},
        {"agency", organisation, NounClass::group, true},
        {"committee", organisation, NounClass::group, true},
        {"council", organisation, NounClass::group, true},
        {"university", organisation, NounClass::group, true},
        {"police", organisation, NounClass::group, true},
        // people
        {"executive", person, NounClass::person, true},
        {"spokeswoman", person, NounClass::person, true},
        {"spokesman", person, NounClass::person, true},
        {"adviser", person, NounClass::person, true},
        {"official", person, NounClass::person, true},
        {"diplomat", person, NounClass::person, true},
        {"lawmaker", person, NounClass::person, true},
        {"analyst", person, NounClass::person, true},
        {"prime minister", person, NounClass::person, true},
        // documents
        {"memo", document, NounClass::communication, true},
        {"memorandum", document, NounClass::communication, true},
        {"report", document, NounClass::communication, true},
        {"statement", document, NounClass::communication, false},  // first: a message stated
        {"filing", document, NounClass::communication, true},
        {"transcript", document, NounClass::communication, true},
        {"affidavit", document, NounClass::communication, true},
        // places
        {"province", place, NounClass::location, true},
        {"county", place, NounClass::location, true},
        {"city", place, NounClass::location, true},
        {"norway", place, NounClass::location, true},
        // none of the four
        {"weather", none, NounClass::phenomenon, false},
        {"idea", none, NounClass::cognition, false},
        {"happiness", none, NounClass::state, false},
        {"week", none, NounClass::time, false},
        {"attack", none, NounClass::act, false},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      const auto n = language::noun(r.word);
      REQUIRE(n);
      CHECK(language::name(n->first) == language::name(r.first));
      CHECK(n->has(r.first));
      const bool any[] = {n->person, n->organisation, n->place, n->document};
      const bool first[] = {n->first_kinds.person, n->first_kinds.organisation, n->first_kinds.place,
                            n->first_kinds.document};
      if (r.kind == none) {
        CHECK_FALSE((any[0] || any[1] || any[2] || any[3]));
      } else {
        CHECK(any[r.kind]);
        CHECK(first[r.kind] == r.first_sense);
      }
    }
  }

  TEST_CASE("nouns: lookups, case and misses") {
    CHECK(language::noun("Ministry"));
    CHECK(language::noun("PRIME MINISTER"));
    CHECK_FALSE(language::noun("prime_minister"));
    CHECK_FALSE(language::noun("ministries"));  // an inflected form is not a lemma
    CHECK_FALSE(language::noun(""));
    CHECK_FALSE(language::noun("qzxv"));
    const auto spokeswoman = language::noun("spokeswoman");
    REQUIRE(spokeswoman);
    CHECK(spokeswoman->classes == (1U << static_cast<unsigned>(NounClass::person)));
    CHECK(language::name(NounClass::tops) == "noun.Tops");
    CHECK(language::name(NounClass::time) == "noun.time");
  }

  TEST_CASE("verbs: classes of the first sense and of all senses") {
    struct Row {
      std::string_view word;
      VerbClass first;
    };
    const Row rows[] = {
        {"say", VerbClass::communication},  {"tell", VerbClass::communication}, {"announce", VerbClass::communication},
        {"deny", VerbClass::communication}, {"warn", VerbClass::communication}, {"believe", VerbClass::cognition},
        {"think", VerbClass::cognition},    {"know", VerbClass::cognition},     {"walk", VerbClass::motion},
        {"buy", VerbClass::possession},     {"be", VerbClass::stative},         {"rain", VerbClass::weather},
        {"carry out", VerbClass::creation},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      const auto v = language::verb(r.word);
      REQUIRE(v);
      CHECK(language::name(v->first) == language::name(r.first));
      CHECK(v->has(r.first));
    }
    const auto say = language::verb("say");
    REQUIRE(say);
    CHECK(say->has(VerbClass::stative));  // "the clock says noon"
    CHECK_FALSE(language::verb("ministry"));
    CHECK(language::name(VerbClass::weather) == "verb.weather");
  }

  TEST_CASE("lemmas: WordNet's exceptions, then the lemmas, then its detachment rules") {
    struct Row {
      std::string_view word, noun, verb;
    };
    const Row rows[] = {
        {"said", "said", "say"},
        {"told", "told", "tell"},
        {"officials", "official", "officials"},
        {"ministries", "ministry", "ministries"},
        {"men", "man", "men"},
        {"spokeswomen", "spokeswoman", "spokeswomen"},
        {"churches", "church", "church"},
        {"taxes", "tax", "tax"},
        {"buses", "bus", "bus"},
        {"news", "news", "news"},  // a lemma itself, not "new"
        {"media", "medium", "media"},
        {"teeth", "tooth", "teeth"},
        {"data", "datum", "data"},  // WordNet's order: noun.exc before the lemma "data"
        {"axes", "ax", "axe"},      // noun.exc: ax, then axis
        {"denied", "denied", "deny"},
        {"announced", "announced", "announce"},
        {"warning", "warning", "warn"},
        {"says", "say", "say"},
        {"Prime Ministers", "prime minister", "prime ministers"},
        {"found", "found", "find"},  // verb.exc before the lemma "found"
        {"qzxvs", "qzxvs", "qzxvs"},
        {"", "", ""},
    };
    for (const Row& r : rows) {
      CAPTURE(r.word);
      CHECK(language::lemma_noun(r.word) == r.noun);
      CHECK(language::lemma_verb(r.word) == r.verb);
    }
  }

  TEST_CASE("places: countries and subdivisions from iso-codes") {
    struct Row {
      std::string_view name;
      bool country;
      std::string_view code, canonical;
    };
    const Row rows[] = {
        {"Norway", true, "NO", "Norway"},
        {"norway", true, "NO", "Norway"},
        {"United States", true, "US", "United States"},
        {"United Kingdom", true, "GB", "United Kingdom"},
        {"South Korea", true, "KR", "South Korea"},                                        // common_name
        {"Korea, Republic of", true, "KR", "Korea, Republic of"},                          // name
        {"Plurinational State of Bolivia", true, "BO", "Plurinational State of Bolivia"},  // official_name
        {"Georgia", true, "GE", "Georgia"},                                        // the country before the state
        {"German Democratic Republic", true, "DD", "German Democratic Republic"},  // a former country (ISO 3166-3)
        {"Dahomey", true, "DY", "Dahomey"},
        {"Bavaria", false, "DE", "Bavaria"},  // iso-codes' English name
        {"Bayern", false, "DE", "Bayern"},
        {"Baden-W\xC3\xBCrttemberg", false, "DE", "Baden-W\xC3\xBCrttemberg"},
        {"Alaska", false, "US", "Alaska"},
        {"C\xC3\xB4te d'Ivoire", true, "CI", "C\xC3\xB4te d'Ivoire"},
    };
    for (const Row& r : rows) {
      CAPTURE(r.name);
      const auto p = language::place(r.name);
      REQUIRE(p);
      CHECK(p->country == r.country);
      CHECK(p->code == r.code);
      CHECK(p->name == r.canonical);
    }
    CHECK_FALSE(language::place("C\xC3\x94TE D'IVOIRE"));  // other bytes than ASCII match exactly
    CHECK_FALSE(language::place("Atlantis"));
    CHECK_FALSE(language::place(""));
  }

  TEST_CASE("the tables: every lemma of WordNet 3.0, read in a few milliseconds") {
    const auto s = language::stats();
    // No word is filtered out: WordNet 3.0's index.noun and index.verb have
    // exactly these many lemmas, noun.exc and verb.exc these many forms.
    CHECK(s.nouns == 117798);
    CHECK(s.verbs == 11529);
    CHECK(s.noun_exceptions == 2050);
    CHECK(s.verb_exceptions == 2401);
    CHECK(s.places > 5000);
    CHECK(s.bytes > 1000000);
    MESSAGE("lexical tables: " << s.nouns << " nouns, " << s.verbs << " verbs, "
                               << s.noun_exceptions + s.verb_exceptions << " exceptions, " << s.places
                               << " place names, " << s.bytes << " bytes, read in " << s.load.count() << " us");
    // Generous for sanitizer builds and busy machines; a release build reads
    // them in a few milliseconds.
    CHECK(s.load.count() < 100000);
  }
}
