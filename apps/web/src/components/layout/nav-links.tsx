"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavLink } from "./nav-items";

/** `menu`: the main navigation, finger-sized rows in the folded menu and a compact row once it unfolds. */
const LINK = {
  row: "whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium",
  menu: "block whitespace-nowrap rounded-md px-3 py-2.5 text-base font-medium nav:px-2 nav:py-1.5 nav:text-sm",
};

export function NavLinks({
  links,
  exact = false,
  menu = false,
}: {
  links: readonly NavLink[];
  exact?: boolean;
  menu?: boolean;
}) {
  const pathname = usePathname();
  return links.map((link) => {
    const active = [link.href, ...(link.also ?? [])].some(
      (href) => pathname === href || (!exact && pathname.startsWith(`${href}/`)),
    );
    return (
      <Link
        key={link.href}
        href={link.href}
        aria-current={active ? "page" : undefined}
        className={`${menu ? LINK.menu : LINK.row} ${
          active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        }`}
      >
        {link.label}
      </Link>
    );
  });
}
