// The same containers and algorithms as main.cc, so both objects carry the same template
// instances in COMDAT groups.
#include "words.h"
#include <algorithm>
#include <sstream>
#include <unordered_map>

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

std::vector<std::pair<std::string, std::vector<int>>> by_count(const std::string& text) {
    std::unordered_map<std::string, std::vector<int>> places;
    int i = 0;
    for (const auto& w : words_of(text)) places[w].push_back(i++);
    std::vector<std::pair<std::string, std::vector<int>>> sorted(places.begin(), places.end());
    std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
        return a.second.size() != b.second.size() ? a.second.size() > b.second.size() : a.first < b.first;
    });
    return sorted;
}

std::string longest(const std::vector<std::string>& words) {
    return *std::max_element(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
}
