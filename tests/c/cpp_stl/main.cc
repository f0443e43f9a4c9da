// C++ with its standard library (libc++ and libc++abi for WASI, as archives): iostreams and
// their static constructors, strings, containers and algorithms instantiated in two files
// (COMDAT groups kept once), std::function, std::variant, shared_ptr, virtual calls,
// dynamic_cast and typeid (RTTI from libc++abi), and a static map built before main.
// CFLAGS: -fno-exceptions -O1 -g
// LIBS: -lc++ -lc++abi
// ARGS: hello
#include <algorithm>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <typeinfo>
#include <variant>
#include "words.h"

struct Animal {
    virtual ~Animal() = default;
    virtual std::string speak() const = 0;
};
struct Dog : Animal {
    std::string speak() const override { return "woof"; }
};
struct Cat : Animal {
    std::string speak() const override { return "meow"; }
};

static std::map<std::string, int> registry = {{"one", 1}, {"two", 2}};

int main(int argc, char** argv) {
    std::vector<std::unique_ptr<Animal>> zoo;
    zoo.push_back(std::make_unique<Dog>());
    zoo.push_back(std::make_unique<Cat>());
    for (const auto& a : zoo) {
        const Animal& animal = *a;
        std::cout << typeid(animal).name() << " says " << a->speak()
                  << (dynamic_cast<const Dog*>(&animal) ? " (a dog)" : "") << "\n";
    }
    for (const auto& [word, places] : by_count("the quick brown fox jumps over the lazy dog the end")) {
        std::cout << word << ':';
        for (int p : places) std::cout << ' ' << p;
        std::cout << '\n';
    }
    std::function<long long(int)> fact = [&](int n) -> long long { return n <= 1 ? 1 : n * fact(n - 1); };
    std::variant<int, double, std::string> var = std::string("variant");
    std::visit([](auto&& x) { std::cout << "visit " << x << "\n"; }, var);
    std::optional<int> none;
    std::cout << "fact(15) = " << fact(15) << ", registry " << registry.size() << ", opt " << none.value_or(-1) << std::endl;
    auto arg = std::make_shared<std::string>(argc > 1 ? argv[1] : "none");
    std::ostringstream out;
    out << "arg " << *arg << " use_count " << arg.use_count() << ", longest word " << longest(words_of("a bb ccc dd"));
    std::cout << out.str() << std::endl;
    return 0;
}
