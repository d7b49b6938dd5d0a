import type { NextConfig } from "next";

// Exported as static files and served by the API process (see
// src/notetaker/api/static.py): no Node.js server at run time.
const config: NextConfig = {
  output: "export",
  reactStrictMode: true,
  poweredByHeader: false,
  images: { unoptimized: true },
};

export default config;
