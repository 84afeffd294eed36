/** The shell: sign-in gate, header, the navigation the role may use, and the route table. */
import { useEffect, useState, type ReactNode } from 'react';
import { useSession, useSignedIn } from './session.tsx';
import { Link, match, navigate, useLocation } from './router.tsx';
import { navItems } from './nav.ts';
import { Login } from './views/login.tsx';
import { Empty, Loading } from './components/ui.tsx';
import { routes } from './routes.tsx';

export function App() {
  const { session, loading } = useSession();
  if (loading) return <Loading what="Opening the console" />;
  if (!session) return <Login />;
  return <Shell />;
}

function Shell() {
  const session = useSignedIn();
  const { signOut, can } = useSession();
  const { path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navItems.filter((i) => can(i.permission));

  useEffect(() => {
    if (path === '/' && items[0]) navigate(items[0].href, true);
  }, [path, items]);

  // Move focus to the new page's title, so keyboard and screen-reader users land on the content.
  useEffect(() => {
    setMenuOpen(false);
    document.getElementById('page-title')?.focus({ preventScroll: true });
  }, [path]);

  let view: ReactNode = <Empty title="Page not found">This address does not lead to a page you can open.</Empty>;
  for (const r of routes) {
    const params = match(r.path, path);
    if (params) {
      view = can(r.permission) ? r.render(params) : <Empty title="Not available for your role">Your role cannot open this page.</Empty>;
      break;
    }
  }

  const u = session.user;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen((o) => !o)}>
          Menu
        </button>
        <span className="brand">seccom</span>
        <span className="who" data-testid="who">
          <span className="who-name">{u.displayName}</span>
          <span className="who-role">
            {u.roleLabel} · {u.scopeLabel} · {u.ori}
          </span>
        </span>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav id="nav" className={menuOpen ? 'sidebar open' : 'sidebar'} aria-label="Sections">
        <ul>
          {items.map((i) => {
            const current = path === i.href || (i.href !== '/bookings' && path.startsWith(`${i.href}/`));
            return (
              <li key={i.href}>
                <Link href={i.href} aria-current={current ? 'page' : undefined}>
                  {i.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <p className="sidebar-note">Synthetic data only. Every read of a person's record is audited.</p>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        {view}
      </main>
    </div>
  );
}
