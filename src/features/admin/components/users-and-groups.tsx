import { type FormEvent, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { StatusMessage } from '../../../components/alert';
import { Button } from '../../../components/button';
import { Field } from '../../../components/field';
import { formatDateTime } from '../../../lib/format-date';
import { paths } from '../../../lib/paths';
import { validateUsername } from '../../../lib/validate-username';
import type { Group, TenantUser } from '../../../shared/tenant';
import { useAddGroupMember } from '../api/add-group-member';
import { useCreateGroup } from '../api/create-group';
import { useDeleteGroup } from '../api/delete-group';
import { useGroups } from '../api/get-groups';
import { useUsers } from '../api/get-users';
import { useRemoveGroupMember } from '../api/remove-group-member';
import { AdminErrorAlert } from './admin-error-alert';
import { AdminQuery } from './admin-page';

/** /admin: the tenant's users (admin badge, passkeys, groups) and its groups with their members. */
export function UsersAndGroups() {
  const users = useUsers();
  const groups = useGroups();
  return (
    <>
      <section className="stack-sm" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <AdminQuery query={users} what="users">
          {(data) => <UserTable users={data.users} groups={groups.data?.groups ?? []} />}
        </AdminQuery>
      </section>
      <section className="stack-sm" aria-labelledby="groups-heading">
        <h2 id="groups-heading">Groups</h2>
        <p className="field__hint">
          Policy targets name groups: include or exclude a group on the Passkey policy screen, or ask its members to register (“Registration
          required”).
        </p>
        <CreateGroupForm />
        <AdminQuery query={groups} what="groups">
          {(data) =>
            data.groups.length === 0 ? (
              <p className="empty-state">No groups yet.</p>
            ) : (
              <ul className="group-list">
                {data.groups.map((group) => (
                  <li key={group.id}>
                    <GroupCard group={group} />
                  </li>
                ))}
              </ul>
            )
          }
        </AdminQuery>
      </section>
    </>
  );
}

function UserTable({ users, groups }: { users: TenantUser[]; groups: Group[] }) {
  if (users.length === 0) return <p className="empty-state">No users yet.</p>;
  const groupName = (id: string) => groups.find((group) => group.id === id)?.displayName ?? id;
  return (
    <div className="table-scroll">
      <table className="data-table admin-table users-table">
        <caption className="visually-hidden">Users of the tenant</caption>
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Passkeys</th>
            <th scope="col">Groups</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" data-label="User">
                <span className="user-cell">
                  <span className="user-cell__name">{user.username}</span>
                  {user.isAdmin && <span className="badge badge--admin">Admin</span>}
                </span>
                {user.displayName && user.displayName !== user.username && <span className="user-cell__display">{user.displayName}</span>}
              </th>
              <td data-label="Passkeys">
                {user.passkeys}
                {user.passkeys > 0 && (
                  <>
                    {' '}
                    <Link to={paths.adminRecovery.getHref(user.username)} aria-label={`Lost a device: recovery drill for ${user.username}`}>
                      Lost a device?
                    </Link>
                  </>
                )}
              </td>
              <td data-label="Groups">{user.groups.length > 0 ? user.groups.map(groupName).join(', ') : <span className="muted">none</span>}</td>
              <td data-label="Created">{formatDateTime(user.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CreateGroupForm() {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateGroup();
  const input = useRef<HTMLInputElement>(null);

  /** The field's problem, tied to it (aria-describedby) and announced as focus moves there. */
  function refuse(message: string) {
    setError(message);
    input.current?.focus();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const displayName = name.trim();
    setCreated(null);
    create.reset();
    if (displayName === '') return refuse('Enter a group name.');
    if (displayName.length > 64) return refuse('Use at most 64 characters.');
    setError(undefined);
    create.mutate(
      { displayName },
      {
        onSuccess: (group) => {
          setName('');
          setCreated(group.displayName);
        },
      },
    );
  }

  return (
    <form className="card stack-sm" onSubmit={onSubmit} noValidate aria-label="Create a group">
      <div className="inline-form">
        <Field
          ref={input}
          label="Group name"
          value={name}
          maxLength={64}
          autoComplete="off"
          error={error}
          onChange={(event) => {
            setName(event.target.value);
            setError(undefined);
          }}
        />
        <Button type="submit" busy={create.isPending}>
          Create group
        </Button>
      </div>
      {create.isError && <AdminErrorAlert error={create.error} takeFocus />}
      {created && <StatusMessage>Created the group “{created}”.</StatusMessage>}
    </form>
  );
}

function GroupCard({ group }: { group: Group }) {
  const headingId = useId();
  const [username, setUsername] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const add = useAddGroupMember();
  const remove = useRemoveGroupMember();
  const deleteGroup = useDeleteGroup();
  const input = useRef<HTMLInputElement>(null);

  /** A new action: the previous one's outcome goes. */
  function clearOutcomes() {
    add.reset();
    remove.reset();
    deleteGroup.reset();
    setStatus('');
  }

  function refuse(message: string) {
    setError(message);
    input.current?.focus();
  }

  function onAdd(event: FormEvent) {
    event.preventDefault();
    clearOutcomes();
    const name = username.trim();
    const problem = validateUsername(name);
    if (problem) return refuse(problem);
    if (group.members.some((member) => member.username === name)) return refuse(`${name} is already a member.`);
    setError(undefined);
    add.mutate(
      { groupId: group.id, username: name },
      {
        onSuccess: () => {
          setUsername('');
          setStatus(`Added ${name} to ${group.displayName}.`);
        },
      },
    );
  }

  return (
    <section className="card stack-sm group-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{group.displayName}</h3>
      <p className="muted">
        {group.members.length === 1 ? '1 member' : `${group.members.length} members`} · id <code className="aaguid aaguid--small">{group.id}</code>
      </p>
      {group.members.length > 0 && (
        <ul className="member-list" aria-label={`Members of ${group.displayName}`}>
          {group.members.map((member) => (
            <li key={member.id} className="member-list__item">
              <span>
                {member.username}
                {member.displayName && member.displayName !== member.username && <span className="muted"> ({member.displayName})</span>}
              </span>
              <Button
                variant="danger-outline"
                className="button--small"
                aria-label={`Remove ${member.username} from ${group.displayName}`}
                busy={remove.isPending && remove.variables?.userId === member.id}
                onClick={() => {
                  clearOutcomes();
                  remove.mutate({ groupId: group.id, userId: member.id }, { onSuccess: () => setStatus(`Removed ${member.username} from ${group.displayName}.`) });
                }}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onAdd} noValidate className="inline-form" aria-label={`Add a member to ${group.displayName}`}>
        <Field
          ref={input}
          label="Username"
          hint="Someone who has registered, or received a Temporary Access Pass."
          value={username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={error}
          onChange={(event) => {
            setUsername(event.target.value);
            setError(undefined);
          }}
        />
        <Button type="submit" busy={add.isPending}>
          Add member
        </Button>
      </form>
      {add.isError && <AdminErrorAlert error={add.error} takeFocus />}
      {remove.isError && <AdminErrorAlert error={remove.error} takeFocus />}
      {deleteGroup.isError && <AdminErrorAlert error={deleteGroup.error} takeFocus />}
      <p role="status" className="muted">
        {status}
      </p>
      <div className="actions">
        <Button variant="danger-outline" busy={deleteGroup.isPending} aria-label={`Delete group ${group.displayName}`} onClick={() => {
            clearOutcomes();
            deleteGroup.mutate({ groupId: group.id });
          }}
        >
          Delete group
        </Button>
      </div>
    </section>
  );
}
