//! Touches every dependency so that the linker has real work: parsing, formatting, regexes,
//! compression, URL/IDNA, Rust syntax, wasm encoding and validation.
use clap::Parser;
use std::io::{Read, Write};

#[derive(Parser, Debug)]
struct Args {
    #[arg(long, default_value_t = 3)]
    rounds: u32,
    #[arg(long, default_value = "https://bücher.example/a/../b?q=1#frag")]
    url: String,
}

#[derive(serde::Serialize, serde::Deserialize, Debug)]
struct Config {
    name: String,
    version: String,
    features: indexmap::IndexMap<String, Vec<String>>,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let config: Config = toml::from_str("name = \"demo\"\nversion = \"1.2.3-beta.1\"\n[features]\ndefault = [\"a\", \"b\"]\n")?;
    let version = semver::Version::parse(&config.version)?;
    println!("{} {version} {}", config.name, serde_json::to_string(&config)?);
    let re = regex::Regex::new(r"(?i)(\w+)@(\w+)\.(com|org)")?;
    for cap in re.captures_iter("Alice@Example.com, bob@site.org") {
        println!("user {} domain {}", &cap[1], &cap[2]);
    }
    let url = url::Url::parse(&args.url)?;
    println!("url {url} host {:?}", url.host_str());
    let mut enc = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    for i in 0..args.rounds {
        enc.write_all(format!("round {i} ").repeat(100).as_bytes())?;
    }
    let packed = enc.finish()?;
    let mut text = String::new();
    flate2::read::ZlibDecoder::new(&packed[..]).read_to_string(&mut text)?;
    use base64::Engine;
    println!("zlib {} -> {} bytes, b64 {}", text.len(), packed.len(), &base64::engine::general_purpose::STANDARD.encode(&packed)[..16]);
    let file: syn::File = syn::parse_str("fn add(a: i32, b: i32) -> i32 { a + b } struct P { x: u8 }")?;
    println!("syn items {}", file.items.len());
    let ts = jiff::Timestamp::from_second(1_700_000_000)?;
    let dt = chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap();
    println!("jiff {ts} chrono {dt}");
    let mut module = wasm_encoder::Module::new();
    let mut types = wasm_encoder::TypeSection::new();
    types.ty().function([wasm_encoder::ValType::I32], [wasm_encoder::ValType::I32]);
    module.section(&types);
    let bytes = module.finish();
    wasmparser::validate(&bytes)?;
    let arena = gimli::EndianSlice::new(&bytes, gimli::LittleEndian);
    println!("wasm {} bytes, gimli {}", bytes.len(), arena.len());
    Ok(())
}
