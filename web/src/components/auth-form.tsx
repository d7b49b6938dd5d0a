"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { api, unwrap } from "@/lib/api/client";
import { meQueries } from "@/lib/queries/me-queries";

type Mode = "sign-in" | "sign-up";

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

function browserDateOrder(): "MDY" | "DMY" {
  const sample = new Intl.DateTimeFormat(navigator.language).format(
    new Date(2000, 11, 31),
  );
  return sample.indexOf("12") < sample.indexOf("31") ? "MDY" : "DMY";
}

function authenticate(mode: Mode, email: string, password: string) {
  if (mode === "sign-in") {
    return unwrap(api.POST("/api/auth/login", { body: { email, password } }));
  }
  return unwrap(
    api.POST("/api/auth/register", {
      body: {
        email,
        password,
        timezone: browserZone(),
        date_order: browserDateOrder(),
      },
    }),
  );
}

export function AuthForm({ mode }: { mode: Mode }) {
  const client = useQueryClient();
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const auth = useMutation({
    mutationFn: () => authenticate(mode, email, password),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(meQueries.key, session.user);
      router.replace("/");
    },
  });
  const signUp = mode === "sign-up";

  return (
    <main className="flex min-h-dvh items-center justify-center bg-stone-50 px-4 dark:bg-stone-950">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          auth.mutate();
        }}
        className="w-full max-w-sm space-y-4 rounded-2xl border border-stone-200 bg-white p-6 shadow-sm dark:border-stone-800 dark:bg-stone-900"
      >
        <div className="space-y-1">
          <h1 className="text-xl font-semibold text-stone-900 dark:text-stone-50">
            {signUp ? "Create your account" : "Welcome back"}
          </h1>
          <p className="text-sm text-stone-500 dark:text-stone-400">
            Note-Taker turns what you write into notes and tasks.
          </p>
        </div>
        <label className="block space-y-1 text-sm">
          <span className="text-stone-700 dark:text-stone-300">Email</span>
          <input
            type="email"
            required
            autoComplete="email"
            autoFocus
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        <label className="block space-y-1 text-sm">
          <span className="text-stone-700 dark:text-stone-300">Password</span>
          <input
            type="password"
            required
            minLength={signUp ? 8 : 1}
            autoComplete={signUp ? "new-password" : "current-password"}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            className="w-full rounded-lg border border-stone-300 bg-white px-3 py-2 dark:border-stone-700 dark:bg-stone-950"
          />
        </label>
        {auth.error && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {auth.error.message}
          </p>
        )}
        <button
          type="submit"
          disabled={auth.isPending}
          className="w-full rounded-lg bg-teal-700 py-2 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-50"
        >
          {signUp ? "Sign up" : "Sign in"}
        </button>
        <p className="text-center text-sm text-stone-600 dark:text-stone-400">
          {signUp ? "Have an account? " : "New here? "}
          <Link
            href={signUp ? "/sign-in" : "/sign-up"}
            className="font-medium text-teal-800 underline dark:text-teal-300"
          >
            {signUp ? "Sign in" : "Create an account"}
          </Link>
        </p>
      </form>
    </main>
  );
}
