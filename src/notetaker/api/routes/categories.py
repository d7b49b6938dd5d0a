from fastapi import APIRouter, status

from notetaker.api.deps import CurrentUser, OwnedCategory, Session
from notetaker.schemas.category import CategoryCreate, CategoryRead, CategoryUpdate
from notetaker.services import categories

router = APIRouter(prefix="/api/categories", tags=["categories"])


@router.get("")
async def list_categories(user: CurrentUser, session: Session) -> list[CategoryRead]:
    items = await categories.list_categories(session, user_id=user.id)
    return [CategoryRead.model_validate(item) for item in items]


@router.post("", status_code=status.HTTP_201_CREATED)
async def create_category(
    data: CategoryCreate, user: CurrentUser, session: Session
) -> CategoryRead:
    category = await categories.create_category(session, user_id=user.id, data=data)
    return CategoryRead.model_validate(category)


@router.get("/{category_id}")
async def get_category(category: OwnedCategory) -> CategoryRead:
    return CategoryRead.model_validate(category)


@router.patch("/{category_id}")
async def update_category(
    data: CategoryUpdate, category: OwnedCategory, session: Session
) -> CategoryRead:
    await categories.update_category(session, category=category, data=data)
    return CategoryRead.model_validate(category)


@router.delete("/{category_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_category(category: OwnedCategory, session: Session) -> None:
    await categories.delete_category(session, category=category)
