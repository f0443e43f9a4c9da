fn main() {
    let seeds: Vec<u32> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    for seed in if seeds.is_empty() { vec![0, 1] } else { seeds } {
        print!("{}", gen_tables::report(seed));
    }
}
