#pragma once
#include <map>
#include <string>
#include <vector>

std::vector<std::string> words_of(const std::string& text);
std::vector<std::pair<std::string, std::vector<int>>> by_count(const std::string& text);
std::string longest(const std::vector<std::string>& words);
