/** The agency's sections, in navigation order. */
export const seedSections = [
  { slug: "foreign-policy", name: "Foreign policy", description: "Azerbaijan's diplomacy, visits, consultations and international agreements." },
  { slug: "politics", name: "Politics", description: "Parliament, government and domestic politics." },
  { slug: "economy", name: "Economy", description: "Macroeconomics, trade, finance and markets." },
  { slug: "business", name: "Business", description: "Companies, deals and entrepreneurship.", parent: "economy" },
  { slug: "energy", name: "Energy", description: "Oil, gas, power and renewables." },
  { slug: "ict", name: "ICT", description: "Telecoms, digital government and technology." },
  { slug: "society", name: "Society", description: "Education, health, social policy and daily life." },
  { slug: "world", name: "World", description: "News from around the globe." },
  { slug: "sports", name: "Sports", description: "Football, chess, wrestling and every other result." },
  { slug: "culture", name: "Culture", description: "Arts, heritage, music and literature." },
] as const;

export type SeedSectionSlug = (typeof seedSections)[number]["slug"];
