import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-2 text-center">
      <h1 className="text-lg font-semibold">This page does not exist.</h1>
      <Link
        href="/"
        className="text-sm text-teal-800 underline dark:text-teal-300"
      >
        Back to your notes
      </Link>
    </main>
  );
}
