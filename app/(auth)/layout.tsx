import type { ReactNode } from "react";
import "../admin.css";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return children;
}
