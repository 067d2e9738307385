// The abbreviation and sentence-starter tables (data/lexicon), used by the
// sentence splitter.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace claimtrail::text {

enum class AbbrevKind { title, month, other };

class Abbreviations {
 public:
  // Loads abbreviations.tsv and starters.tsv from the embedded tables.
  Abbreviations();
  // The kind of an abbreviation given lower-cased with its period ("sept."),
  // or nullptr when it is not one.
  const AbbrevKind* find(std::string_view lower_with_period) const;
  // Is `lower` a word that starts sentences ("the", "he")?
  bool is_starter(std::string_view lower) const { return starters_.count(std::string(lower)) > 0; }

 private:
  std::unordered_map<std::string, AbbrevKind> abbrevs_;
  std::unordered_set<std::string> starters_;
};

}  // namespace claimtrail::text
