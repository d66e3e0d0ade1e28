import { redirect, type ActionFunctionArgs } from '@remix-run/server-runtime';

export async function loader() {
  return redirect('/');
}

export async function action({ context }: ActionFunctionArgs) {
  try {
    await context.trpc.auth.signOut();
  } catch {
    // Already signed out (or the session expired): the sign-in page is still right.
  }
  return redirect('/login');
}
