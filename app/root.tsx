import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorPanel } from "#app/components/error-panel";
import { useNonce } from "#app/utils/nonce-provider";
import stylesHref from "#app/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Parallax" }];

export const LARGE_COOKIE = "parallax_large";

/**
 * Large text for a projector: `?large=1` turns it on and `?large=0` off, and a cookie keeps the choice
 * across pages (the page cache varies on cookies, so each setting is its own cached page).
 */
function largeText(request: Request): { large: boolean; setCookie: string | null } {
  const q = new URL(request.url).searchParams.get("large");
  const had = /(?:^|;\s*)parallax_large=1(?:;|$)/.test(request.headers.get("cookie") ?? "");
  if (q === "1" && !had) return { large: true, setCookie: `${LARGE_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax` };
  if (q === "0" && had) return { large: false, setCookie: `${LARGE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax` };
  return { large: q === "1" || (q !== "0" && had), setCookie: null };
}

export async function loader({ context, request }: LoaderFunctionArgs) {
  const { large, setCookie } = largeText(request);
  const body = {
    user: context.user ? { username: context.user.username, role: context.user.role } : null,
    authEnabled: Boolean(context.authEnabled),
    large,
  };
  return setCookie ? data(body, { headers: { "Set-Cookie": setCookie } }) : body;
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  // A page opened by a share link offers reading only: no navigation to editing or to other pages.
  const shared = useMatches().some((m) => Boolean((m.data as { shared?: unknown } | undefined)?.shared));
  return (
    <html lang="en" className={root?.large ? "large-text" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <header className="site-header">
          {shared ? (
            <span className="brand">Parallax</span>
          ) : (
            <Link to="/" className="brand">
              Parallax
            </Link>
          )}
          {shared ? null : (
            <nav aria-label="Main">
              <NavLink to="/" end>
                Comparisons
              </NavLink>
              <NavLink to="/library">Library</NavLink>
              <NavLink to="/articles/new">Add article</NavLink>
              <NavLink to="/import">Import</NavLink>
              <NavLink to="/methods">Methods</NavLink>
            </nav>
          )}
          {root?.user ? (
            <Form method="post" action="/logout" className="session ui">
              <span className="meta">
                {root.user.username} ({root.user.role})
              </span>{" "}
              {root.user.role === "owner" ? <Link to="/accounts">Accounts</Link> : null}{" "}
              <button className="link">Sign out</button>
            </Form>
          ) : root?.authEnabled ? (
            <Link to="/login" className="session ui">
              Sign in
            </Link>
          ) : null}
        </header>
        <main className="site-main" id="main">
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPanel error={useRouteError()} />;
}
