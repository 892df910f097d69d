//! Suggests SDG targets for a recommendation's text, with the reasons:
//! `cargo run -p taawun-sdg --example suggest -- DIR "Take measures to combat trafficking"`
//! (DIR: the open-sdg translation layout; the titles' words join the built-in keywords).

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(text)) = (args.next(), args.next()) else {
        return Err("usage: suggest DIR TEXT [THEME…]".into());
    };
    let themes: Vec<String> = args.collect();
    let themes: Vec<&str> = themes.iter().map(String::as_str).collect();
    let sdgs = taawun_sdg::read_dir(&dir)?;
    eprintln!(
        "{} goals, {} targets, {} indicators, {} warnings",
        sdgs.goals.len(),
        sdgs.targets.len(),
        sdgs.indicators.len(),
        sdgs.warnings.len()
    );
    let suggester = taawun_sdg::Suggester::with_titles(&sdgs);
    for s in suggester.suggest(&text, &themes).iter().take(8) {
        let title = sdgs.target(s.target).map_or("", |t| t.titles.en());
        println!("{:>6} {:5.2}  {}", s.target, s.score, s.reasons.join("; "));
        println!(
            "              {}",
            title.chars().take(100).collect::<String>()
        );
    }
    Ok(())
}
