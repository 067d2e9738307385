#include "text/word_tables.hpp"

#include <string_view>

#include "util/ascii.hpp"
#include "util/embedded.hpp"
#include "util/tsv.hpp"

namespace claimtrail::text {

const std::vector<std::pair<std::string, std::string>>& person_nouns() {
  static const auto table = [] {
    std::vector<std::pair<std::string, std::string>> rows;
    util::for_each_tsv_row(lexicon_data::get("person_nouns.tsv"), [&](const auto& f) {
      rows.emplace_back(util::ascii_lower(f[0]), f.size() > 1 && !f[1].empty() ? util::ascii_lower(f[1]) : "-");
    });
    return rows;
  }();
  return table;
}

const std::vector<std::string>& org_heads() {
  static const auto table = [] {
    std::vector<std::string> rows;
    util::for_each_tsv_row(lexicon_data::get("org_heads.tsv"),
                           [&](const auto& f) { rows.push_back(util::ascii_lower(f[0])); });
    return rows;
  }();
  return table;
}

const std::vector<std::vector<std::string>>& speech_verbs() {
  static const auto table = [] {
    std::vector<std::vector<std::string>> rows;
    util::for_each_tsv_row(lexicon_data::get("speech_verbs.tsv"), [&](const auto& f) {
      std::string_view forms = f[0];
      auto& row = rows.emplace_back();
      while (!forms.empty()) {
        const std::size_t sp = forms.find(' ');
        if (sp != 0) row.emplace_back(forms.substr(0, sp));
        forms = sp == std::string_view::npos ? std::string_view{} : forms.substr(sp + 1);
      }
    });
    return rows;
  }();
  return table;
}

}  // namespace claimtrail::text
