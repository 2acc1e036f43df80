"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ links, exact = false }: { links: { href: string; label: string }[]; exact?: boolean }) {
  const pathname = usePathname();
  return links.map((link) => {
    const active = pathname === link.href || (!exact && pathname.startsWith(`${link.href}/`));
    return (
      <Link
        key={link.href}
        href={link.href}
        aria-current={active ? "page" : undefined}
        className={`whitespace-nowrap rounded-md px-2.5 py-1.5 text-sm font-medium ${
          active ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
        }`}
      >
        {link.label}
      </Link>
    );
  });
}
