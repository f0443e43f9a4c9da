fn main() {
    eprintln!("weld: error: CLI not built yet");
    std::process::exit(1);
}
