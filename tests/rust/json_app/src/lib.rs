//! serde + serde_json: derive, parse, transform, serialize (pretty and compact), `Value`
//! traversal, error paths. `report(seed)` is deterministic text the host compares.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
#[serde(rename_all = "camelCase")]
pub struct Order {
    id: u64,
    customer: String,
    items: Vec<Item>,
    #[serde(default)]
    tags: Vec<String>,
    shipping: Shipping,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
pub struct Item {
    sku: String,
    qty: u32,
    price: f64,
}

#[derive(Debug, Serialize, Deserialize, PartialEq, Clone)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Shipping {
    Pickup,
    Courier { days: u8, tracked: bool },
    Post { zone: char },
}

const INPUT: &str = r#"[
  {"id": 1, "customer": "Ada", "items": [{"sku": "A-1", "qty": 2, "price": 3.5},
   {"sku": "B-7", "qty": 1, "price": 12.25}], "tags": ["new", "gift"],
   "shipping": {"kind": "courier", "days": 2, "tracked": true}},
  {"id": 2, "customer": "Grace \u00e9\u00e8 \ud83d\ude80", "items": [{"sku": "C-3", "qty": 10, "price": 0.1}],
   "shipping": {"kind": "pickup"}, "note": "leave at door"},
  {"id": 3, "customer": "Linus", "items": [], "tags": ["empty"],
   "shipping": {"kind": "post", "zone": "Z"}}
]"#;

fn total(o: &Order) -> f64 {
    o.items.iter().map(|i| i.qty as f64 * i.price).sum()
}

/// The text the command prints and the cdylib hands to its host.
pub fn report(seed: u32) -> String {
    let mut out = String::new();
    let mut orders: Vec<Order> = serde_json::from_str(INPUT).expect("valid input");
    for (n, o) in orders.iter_mut().enumerate() {
        o.id += seed as u64 * 100;
        if seed % 2 == 1 {
            o.items.push(Item { sku: format!("S-{seed}-{n}"), qty: seed, price: 1.0 / (n as f64 + 3.0) });
        }
    }
    for o in &orders {
        writeln!(out, "order {} for {:?}: {} items, total {:.4}, {:?}", o.id, o.customer, o.items.len(), total(o), o.shipping).unwrap();
    }
    let compact = serde_json::to_string(&orders).unwrap();
    writeln!(out, "compact: {} bytes, fnv {:016x}", compact.len(), fnv(compact.as_bytes())).unwrap();
    let back: Vec<Order> = serde_json::from_str(&compact).unwrap();
    writeln!(out, "roundtrip equal: {}", back == orders).unwrap();

    let value: serde_json::Value = serde_json::from_str(&compact).unwrap();
    let mut skus: BTreeMap<String, u64> = BTreeMap::new();
    for o in value.as_array().unwrap() {
        for i in o["items"].as_array().unwrap() {
            *skus.entry(i["sku"].as_str().unwrap().to_string()).or_default() += i["qty"].as_u64().unwrap();
        }
    }
    writeln!(out, "skus: {}", serde_json::to_string(&skus).unwrap()).unwrap();
    let pretty = serde_json::to_string_pretty(&value[1]).unwrap();
    writeln!(out, "pretty order 2:\n{pretty}").unwrap();

    for bad in ["{\"id\": }", "[1, 2", "{\"id\": 1, \"customer\": 5}", "\"\\uZZZZ\""] {
        match serde_json::from_str::<Order>(bad) {
            Ok(o) => writeln!(out, "unexpected ok {o:?}").unwrap(),
            Err(e) => writeln!(out, "error: {e}").unwrap(),
        }
    }
    let floats: Vec<f64> = (0..6).map(|i| (i as f64 + seed as f64) * 1.1e-3 + 1e21 * (i % 2) as f64).collect();
    writeln!(out, "floats: {}", serde_json::to_string(&floats).unwrap()).unwrap();
    out
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

static mut OUT: Vec<u8> = Vec::new();

/// Computes `report(seed)` into a buffer; returns its length (see `out_ptr`).
#[no_mangle]
pub extern "C" fn run(seed: u32) -> u32 {
    let text = report(seed).into_bytes();
    let len = text.len() as u32;
    unsafe { *std::ptr::addr_of_mut!(OUT) = text };
    len
}

/// Address of the text the last `run` produced.
#[no_mangle]
pub extern "C" fn out_ptr() -> *const u8 {
    unsafe { (*std::ptr::addr_of!(OUT)).as_ptr() }
}
